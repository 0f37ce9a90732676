package cn.arena.competition;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A tiebreak round (附加赛) of a live final, held between the teams tied on score: its points order them, more first,
 * before the template's tie-break is asked; they are never part of the score. Teams that played none (or are still
 * equal in it) go on to the template's tie-break, and share a rank where that cannot separate them either.
 */
final class Playoff {

    private Playoff() {}

    static <T> Comparator<T> before(Function<T, @Nullable BigDecimal> playoffPoints, Comparator<T> templateTieBreak) {
        Comparator<T> byPlayoff = Comparator.comparing(playoffPoints, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()));
        return byPlayoff.thenComparing(templateTieBreak);
    }
}
