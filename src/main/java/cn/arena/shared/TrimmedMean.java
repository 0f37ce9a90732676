package cn.arena.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A panel's score (去掉最高分和最低分): the mean after dropping the {@code trim} highest and the {@code trim} lowest
 * scores, rounded half up to {@code scale} decimals. The live final's essay and the Jiangsu interview both score so.
 */
public record TrimmedMean(int trim, int scale) {

    public TrimmedMean {
        if (trim < 0 || scale < 0) {
            throw new IllegalArgumentException("trim and scale cannot be negative");
        }
    }

    /** No score until there are more scores than the ones to drop (the interview: 7 judges, one of them recused, still score). */
    public Optional<BigDecimal> of(Collection<BigDecimal> scores) {
        if (scores.size() <= 2 * trim) {
            return Optional.empty();
        }
        List<BigDecimal> kept = scores.stream().sorted().toList().subList(trim, scores.size() - trim);
        BigDecimal sum = kept.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(sum.divide(BigDecimal.valueOf(kept.size()), scale, RoundingMode.HALF_UP));
    }

    /** A panel too small to drop any (an essay with two judges left after recusal): the mean of all; of none, zero. */
    public BigDecimal orPlainMean(Collection<BigDecimal> scores) {
        return of(scores).or(() -> new TrimmedMean(0, scale).of(scores)).orElse(BigDecimal.ZERO.setScale(scale));
    }
}
