package cn.arena.competition;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How teams of equal score are separated. {@code MEMBER_SCORES} (the Jiangyin rule): the better best-member score,
 * then the better second-best, and so on (an absent member counts 0); teams still equal share a rank.
 * {@code NONE}: equal scores share a rank.
 */
public enum TeamTieBreak {
    NONE, MEMBER_SCORES;

    /** Orders two teams' member scores, better first. */
    public Comparator<List<@Nullable BigDecimal>> comparator() {
        if (this == NONE) {
            return (a, b) -> 0;
        }
        return (a, b) -> {
            List<BigDecimal> x = descending(a);
            List<BigDecimal> y = descending(b);
            for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
                BigDecimal p = i < x.size() ? x.get(i) : BigDecimal.ZERO;
                BigDecimal q = i < y.size() ? y.get(i) : BigDecimal.ZERO;
                int c = q.compareTo(p);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    private static List<BigDecimal> descending(List<@Nullable BigDecimal> scores) {
        return scores.stream().map(s -> s == null ? BigDecimal.ZERO : s).sorted(Comparator.reverseOrder()).toList();
    }
}
