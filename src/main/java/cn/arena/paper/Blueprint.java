package cn.arena.paper;

import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * 组卷规则: the sections a paper is made of and the optional share of items that must come from one bank. Whether
 * the banks can satisfy it is {@link Supply}'s question; this type only knows whether it is well formed.
 */
public record Blueprint(List<Section> sections, @Nullable BankShare bankShare) {

    private static final String SHARE_PERCENT = "bankShare.minPercent";
    private static final String SHARE_BANK = "bankShare.bankId";

    public Blueprint {
        sections = List.copyOf(sections);
    }

    public int itemCount() {
        return sections.stream().mapToInt(Section::count).sum();
    }

    public BigDecimal totalPoints() {
        return sections.stream().map(s -> s.pointsEach().multiply(BigDecimal.valueOf(s.count()))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every way the blueprint is malformed, each on its field; {@code bankIds} are the banks the paper draws on. */
    public List<Violation> check(Collection<Long> bankIds) {
        List<Violation> problems = new ArrayList<>();
        if (sections.isEmpty()) {
            problems.add(Violation.field("sections", "paper.sections.required"));
        }
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            String field = "sections[" + i + "]";
            if (s.type() == null) {
                problems.add(Violation.field(field + ".type", "paper.section.type.required", i + 1));
            }
            if (s.count() < 1 || s.count() > 500) {
                problems.add(Violation.field(field + ".count", "paper.section.count.range", i + 1));
            }
            if (s.pointsEach() == null || s.pointsEach().signum() <= 0 || s.pointsEach().scale() > 2
                    || s.pointsEach().compareTo(BigDecimal.valueOf(1000)) > 0) {
                problems.add(Violation.field(field + ".pointsEach", "paper.section.points.positive", i + 1));
            }
            if (s.difficulty() != null && (s.difficulty() < 1 || s.difficulty() > 5)) {
                problems.add(Violation.field(field + ".difficulty", "paper.section.difficulty.range", i + 1));
            }
        }
        if (bankShare != null) {
            if (bankShare.minPercent() < 1 || bankShare.minPercent() > 100) {
                problems.add(Violation.field(SHARE_PERCENT, "paper.bankShare.percent.range"));
            }
            if (!bankIds.contains(bankShare.bankId())) {
                problems.add(Violation.field(SHARE_BANK, "paper.bankShare.bank.notInExam"));
            }
        }
        return problems;
    }
}
