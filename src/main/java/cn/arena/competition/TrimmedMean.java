package cn.arena.competition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * A panel's score: the mean after dropping the {@code trim} highest and the {@code trim} lowest scores (去掉一个最高分
 * 和一个最低分), rounded half up to {@code scale} decimals. Too few scores to drop any and keep one: no score.
 */
record TrimmedMean(int trim, int scale) {

    TrimmedMean {
        if (trim < 0 || scale < 0) {
            throw new IllegalArgumentException("trim and scale cannot be negative");
        }
    }

    Optional<BigDecimal> of(List<BigDecimal> scores) {
        if (scores.size() <= 2 * trim) {
            return Optional.empty();
        }
        List<BigDecimal> kept = scores.stream().sorted().toList().subList(trim, scores.size() - trim);
        BigDecimal sum = kept.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(sum.divide(BigDecimal.valueOf(kept.size()), scale, RoundingMode.HALF_UP));
    }
}
