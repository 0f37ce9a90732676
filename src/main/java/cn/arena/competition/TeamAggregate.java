package cn.arena.competition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a team's stage score is made from its members' scores (the seed: the sum of the five preliminary scores).
 * A member who did not sit (null score) counts 0. {@code BEST} sums the {@code count} best members only.
 */
public record TeamAggregate(Function function, @Nullable Integer count) {

    public enum Function { SUM, AVERAGE, BEST }

    public static final TeamAggregate SUM = new TeamAggregate(Function.SUM, null);

    public TeamAggregate {
        if (function == Function.BEST && (count == null || count < 1)) {
            throw new IllegalArgumentException("BEST needs a positive count");
        }
    }

    public BigDecimal of(List<@Nullable BigDecimal> memberScores) {
        List<BigDecimal> scores = memberScores.stream().map(s -> s == null ? BigDecimal.ZERO : s).toList();
        return switch (function) {
            case SUM -> sum(scores);
            case AVERAGE -> scores.isEmpty() ? BigDecimal.ZERO
                    : sum(scores).divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP).stripTrailingZeros();
            case BEST -> sum(scores.stream().sorted(Comparator.reverseOrder()).limit(count).toList());
        };
    }

    private static BigDecimal sum(List<BigDecimal> scores) {
        return scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
