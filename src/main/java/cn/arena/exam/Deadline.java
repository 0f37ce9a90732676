package cn.arena.exam;

import java.time.Duration;
import java.time.Instant;

/**
 * When an attempt ends: {@code min(start + duration, window end)}, decided by the server's clock alone. Answers are
 * still taken for a short grace after it (network latency of a save sent just in time); after that they are refused
 * and the server submits the attempt.
 */
record Deadline(Instant at) {

    static Deadline of(Instant start, Duration duration, Instant windowEnd) {
        Instant byDuration = start.plus(duration);
        return new Deadline(byDuration.isBefore(windowEnd) ? byDuration : windowEnd);
    }

    /** True while a save arriving at {@code now} still counts. */
    boolean acceptsAnswerAt(Instant now, Duration grace) {
        return !now.isAfter(at.plus(grace));
    }

    /** True once the grace has run out: the attempt is due for submission by the server. */
    boolean isOverdueAt(Instant now, Duration grace) {
        return !acceptsAnswerAt(now, grace);
    }
}
