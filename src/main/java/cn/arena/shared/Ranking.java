package cn.arena.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Standard competition ranking (1, 2, 2, 4): best score first; entries the tie-break cannot separate share a rank
 * and the next rank skips as many places. An entry without a score (did not sit) is listed last, unranked. Entries
 * sharing a rank keep the order they came in. The one rule behind exam rankings and competition standings.
 */
public final class Ranking {

    /** An entry with its rank, or a null rank when it has no score. */
    public record Ranked<T>(@Nullable Integer rank, T entry) {}

    private Ranking() {}

    /**
     * @param tieBreak orders entries of equal score, better first; entries it calls equal share a rank
     */
    public static <T> List<Ranked<T>> rank(List<T> entries, Function<T, @Nullable BigDecimal> score, Comparator<T> tieBreak) {
        Comparator<T> byScore = Comparator.comparing(score::apply, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()));
        Comparator<T> order = byScore.thenComparing(tieBreak);
        List<T> sorted = entries.stream().sorted(order).toList();
        List<Ranked<T>> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            T entry = sorted.get(i);
            if (score.apply(entry) == null) {
                ranked.add(new Ranked<>(null, entry));
            } else if (i > 0 && order.compare(sorted.get(i - 1), entry) == 0) {
                ranked.add(new Ranked<>(ranked.get(i - 1).rank(), entry));
            } else {
                ranked.add(new Ranked<>(i + 1, entry));
            }
        }
        return ranked;
    }

    /** No tie-break: equal scores share a rank. */
    public static <T> Comparator<T> noTieBreak() {
        return (a, b) -> 0;
    }
}
