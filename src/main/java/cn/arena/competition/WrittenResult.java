package cn.arena.competition;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A contestant's released score in a written stage with what breaks a tie between equal scores: the time used and
 * the moment of submission (seed 003 is silent; the template states the order, e.g. less time used, then the earlier
 * submit). Entries still equal after every tie-break are ordered by person id, so a selection is reproducible.
 */
record WrittenResult(long personId, BigDecimal score, Duration timeUsed, Instant submittedAt) {

    /** What separates equal written scores, in the order the template lists them. */
    enum TieBreak {
        LESS_TIME(Comparator.comparing(WrittenResult::timeUsed)),
        EARLIER_SUBMIT(Comparator.comparing(WrittenResult::submittedAt));

        private final Comparator<WrittenResult> order;

        TieBreak(Comparator<WrittenResult> order) {
            this.order = order;
        }
    }

    /** Best first: the higher score, then each tie-break in turn, then the lower person id. */
    static Comparator<WrittenResult> betterFirst(List<TieBreak> tieBreaks) {
        Comparator<WrittenResult> order = Comparator.comparing(WrittenResult::score).reversed();
        for (TieBreak t : tieBreaks) {
            order = order.thenComparing(t.order);
        }
        return order.thenComparingLong(WrittenResult::personId);
    }
}
