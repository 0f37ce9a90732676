package cn.arena.bank;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What the machine makes of one response. For subjective types {@code earned} is 0 and {@code needsGrader} is true;
 * {@code suggested} is then the keyword-based hint shown to the grader (never to the candidate).
 */
public record Mark(BigDecimal earned, boolean needsGrader, @Nullable BigDecimal suggested) {

    public static Mark of(BigDecimal earned) {
        return new Mark(earned, false, null);
    }
}
