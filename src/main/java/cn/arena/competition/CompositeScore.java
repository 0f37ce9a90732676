package cn.arena.competition;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The composite score (综合成绩, seed 003 七（三）2（2）：根据一定比例计算选手个人在设区市选拔赛笔试、全省选拔赛笔试和面试的
 * 成绩): each part as a percentage of its full marks, weighted by the template's percent weights, summed. A part's full
 * marks are the total points of the exam paper the contestant sat, or the interview's maximum where the stage has no
 * exam: never a number typed into the template beside the paper, which could differ from it.
 * Only the sum is rounded — half up to {@code scale} decimals — so the composite does not depend on how the parts
 * are shown. A part still missing leaves the composite unknown.
 */
record CompositeScore(List<Part> parts, int scale) {

    /** A stage's share: {@code weight} percent of the composite. */
    record Part(String stage, BigDecimal weight) {}

    /** A contestant's score in one part, out of that part's full marks. */
    record Scored(BigDecimal score, BigDecimal fullMarks) {

        Scored {
            if (fullMarks.signum() <= 0) {
                throw new IllegalArgumentException("full marks must be positive, not " + fullMarks);
            }
        }
    }

    private static final MathContext EXACT = MathContext.DECIMAL64;

    CompositeScore {
        parts = List.copyOf(parts);
        BigDecimal total = parts.stream().map(Part::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new IllegalArgumentException("composite weights must add up to 100, not " + total);
        }
    }

    /** A score as a percentage of its stage's full marks, rounded for showing. */
    BigDecimal percent(Scored scored) {
        return scored.score().multiply(BigDecimal.valueOf(100)).divide(scored.fullMarks(), scale, RoundingMode.HALF_UP);
    }

    /** stage code → score out of its full marks; empty while any part is missing. */
    Optional<BigDecimal> of(Map<String, Scored> scores) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Part p : parts) {
            Scored scored = scores.get(p.stage());
            if (scored == null) {
                return Optional.empty();
            }
            sum = sum.add(scored.score().multiply(p.weight()).divide(scored.fullMarks(), EXACT));
        }
        return Optional.of(sum.setScale(scale, RoundingMode.HALF_UP));
    }
}
