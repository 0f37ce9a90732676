package cn.arena.competition;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The composite score (综合成绩, seed 003 七（三）2（2）：根据一定比例计算选手个人在设区市选拔赛笔试、全省选拔赛笔试和面试的
 * 成绩): each part as a percentage of its stage's full marks, weighted by the template's percent weights, summed.
 * Only the sum is rounded — half up to {@code scale} decimals — so the composite does not depend on how the parts
 * are shown. A part still missing leaves the composite unknown.
 */
record CompositeScore(List<Part> parts, int scale) {

    /** A stage's share: {@code weight} percent of the composite, the stage scored out of {@code fullMarks}. */
    record Part(String stage, BigDecimal weight, BigDecimal fullMarks) {}

    private static final MathContext EXACT = MathContext.DECIMAL64;

    CompositeScore {
        parts = List.copyOf(parts);
        BigDecimal total = parts.stream().map(Part::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new IllegalArgumentException("composite weights must add up to 100, not " + total);
        }
        if (parts.stream().anyMatch(p -> p.fullMarks().signum() <= 0)) {
            throw new IllegalArgumentException("full marks must be positive");
        }
    }

    /** A score as a percentage of its stage's full marks, rounded for showing. */
    BigDecimal percent(Part part, BigDecimal score) {
        return score.multiply(BigDecimal.valueOf(100)).divide(part.fullMarks(), scale, RoundingMode.HALF_UP);
    }

    /** stage code → score; empty while any part is missing. */
    Optional<BigDecimal> of(Map<String, BigDecimal> scores) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Part p : parts) {
            BigDecimal score = scores.get(p.stage());
            if (score == null) {
                return Optional.empty();
            }
            sum = sum.add(score.multiply(p.weight()).divide(p.fullMarks(), EXACT));
        }
        return Optional.of(sum.setScale(scale, RoundingMode.HALF_UP));
    }
}
