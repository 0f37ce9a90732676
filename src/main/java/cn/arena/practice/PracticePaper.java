package cn.arena.practice;

import cn.arena.bank.QuestionType;
import cn.arena.paper.Section;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blueprint of a weekly practice or monthly contest: {@code count} objective questions spread over the types the
 * banks hold (one of each type in turn, as far as each lasts), worth 100 points in all. Banks holding fewer
 * questions than asked give a shorter paper of all they have.
 */
final class PracticePaper {

    private static final BigDecimal TOTAL = BigDecimal.valueOf(100);

    private PracticePaper() {}

    static List<Section> sections(Map<QuestionType, Integer> supply, int count) {
        Map<QuestionType, Integer> taken = new LinkedHashMap<>();
        supply.keySet().forEach(t -> taken.put(t, 0));
        int total = 0;
        boolean more = true;
        while (total < count && more) {
            more = false;
            for (var e : supply.entrySet()) {
                if (total < count && taken.get(e.getKey()) < e.getValue()) {
                    taken.merge(e.getKey(), 1, Integer::sum);
                    total++;
                    more = true;
                }
            }
        }
        if (total == 0) {
            return List.of();
        }
        BigDecimal each = TOTAL.divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        List<Section> sections = new ArrayList<>();
        taken.forEach((type, n) -> {
            if (n > 0) {
                sections.add(new Section(type, n, each, null, null));
            }
        });
        return sections;
    }
}
