package cn.arena.live;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

/**
 * An essay's score from its judges' (论述题): drop {@code trim} highest and {@code trim} lowest, take the mean of the
 * rest, rounded half up to two decimals. With too few scores to drop that many, the mean of all.
 */
record TrimmedMean(int trim) {

    BigDecimal of(Collection<BigDecimal> scores) {
        if (scores.isEmpty()) {
            return BigDecimal.ZERO.setScale(2);
        }
        List<BigDecimal> sorted = scores.stream().sorted().toList();
        List<BigDecimal> kept = sorted.size() > 2 * trim ? sorted.subList(trim, sorted.size() - trim) : sorted;
        BigDecimal sum = kept.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(kept.size()), 2, RoundingMode.HALF_UP);
    }
}
