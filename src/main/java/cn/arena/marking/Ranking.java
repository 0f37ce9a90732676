package cn.arena.marking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * 排名: orders scores best first. Equal scores share a rank and the next rank skips (1, 2, 2, 4), unless the exam
 * breaks ties: {@link TieBreak#LESS_TIME} ranks the candidate who used less time higher, {@link TieBreak#EARLIER_SUBMIT}
 * the one who submitted first; those still equal after the tie-break share a rank.
 */
record Ranking(TieBreak tieBreak) {

    enum TieBreak {
        NONE, LESS_TIME, EARLIER_SUBMIT;

        /** The exam's setting as written in the contract; absent or unknown means no tie-break. */
        static TieBreak parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return NONE;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return NONE;
            }
        }
    }

    /** One candidate's result to rank; {@code key} identifies it to the caller and orders exact equals stably. */
    record Entry<K extends Comparable<K>>(K key, BigDecimal score, Duration timeUsed, Instant submittedAt) {}

    record Ranked<K extends Comparable<K>>(int rank, Entry<K> entry) {}

    <K extends Comparable<K>> List<Ranked<K>> rank(List<Entry<K>> entries) {
        Comparator<Entry<K>> tied = tieOrder();
        List<Entry<K>> sorted = new ArrayList<>(entries);
        sorted.sort(tied.thenComparing(Entry::submittedAt).thenComparing(Entry::key));
        List<Ranked<K>> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Entry<K> entry = sorted.get(i);
            int rank = i > 0 && tied.compare(sorted.get(i - 1), entry) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked<>(rank, entry));
        }
        return ranked;
    }

    /** Two entries this comparator calls equal share a rank. */
    private <K extends Comparable<K>> Comparator<Entry<K>> tieOrder() {
        Comparator<Entry<K>> byScore = Comparator.comparing(Entry<K>::score).reversed();
        return switch (tieBreak) {
            case NONE -> byScore;
            case LESS_TIME -> byScore.thenComparing(Entry::timeUsed);
            case EARLIER_SUBMIT -> byScore.thenComparing(Entry::submittedAt);
        };
    }
}
