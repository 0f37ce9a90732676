package cn.arena.practice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Standard competition ranking: best score first, equal scores share a rank, the next rank skips (1, 2, 2, 4). */
final class Ranks {

    record Ranked<T>(int rank, T entry) {}

    private Ranks() {}

    static <T> List<Ranked<T>> of(List<T> entries, Comparator<T> bestFirst) {
        List<T> sorted = new ArrayList<>(entries);
        sorted.sort(bestFirst);
        List<Ranked<T>> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            boolean tied = i > 0 && bestFirst.compare(sorted.get(i - 1), sorted.get(i)) == 0;
            ranked.add(new Ranked<>(tied ? ranked.get(i - 1).rank() : i + 1, sorted.get(i)));
        }
        return ranked;
    }

    /** Ranks by score alone, higher first. */
    static <T> List<Ranked<T>> byScore(List<T> entries, java.util.function.Function<T, BigDecimal> score) {
        return of(entries, Comparator.comparing(score, Comparator.reverseOrder()));
    }
}
