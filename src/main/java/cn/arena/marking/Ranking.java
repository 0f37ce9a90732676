package cn.arena.marking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * 排名: orders scores best first. Equal scores share a rank and the next rank skips (1, 2, 2, 4), unless the exam
 * breaks ties: {@link TieBreak#LESS_TIME} ranks the candidate who used less time higher, {@link TieBreak#EARLIER_SUBMIT}
 * the one who submitted first; those still equal after the tie-break share a rank. The ranking rule itself is
 * {@link cn.arena.shared.Ranking}'s; this is the exam's tie-break.
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
        // Those sharing a rank are listed by submission, then key: the shared rule keeps the order it is given.
        List<Entry<K>> inOrder = entries.stream()
                .sorted(Comparator.comparing(Entry<K>::submittedAt).thenComparing(Entry::key)).toList();
        return cn.arena.shared.Ranking.rank(inOrder, Entry::score, tieOrder()).stream()
                .map(r -> new Ranked<>(Objects.requireNonNull(r.rank()), r.entry())).toList();
    }

    /** Among equal scores, two entries this comparator calls equal share a rank. */
    private <K extends Comparable<K>> Comparator<Entry<K>> tieOrder() {
        return switch (tieBreak) {
            case NONE -> cn.arena.shared.Ranking.noTieBreak();
            case LESS_TIME -> Comparator.comparing(Entry::timeUsed);
            case EARLIER_SUBMIT -> Comparator.comparing(Entry::submittedAt);
        };
    }
}
