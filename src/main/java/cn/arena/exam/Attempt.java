package cn.arena.exam;

import cn.arena.paper.PaperItem;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * 答卷: one candidate's sitting of an exam. Started (OPEN) with its paper fixed — the items, their points and option
 * order are stored once and never recomputed; answers are saved item by item until the deadline (plus grace); it
 * ends SUBMITTED exactly once, by the candidate or by the server when the deadline has passed.
 */
record Attempt(long id, long examId, long userId, Instant startedAt, Deadline deadline, Status status,
        @Nullable Instant submittedAt, @Nullable SubmittedBy submittedBy, List<PaperItem> items) {

    enum Status { OPEN, SUBMITTED }

    enum SubmittedBy { USER, SERVER }

    boolean submitted() {
        return status == Status.SUBMITTED;
    }

    /** Refuses (409) a save once the attempt is submitted or its deadline and grace have passed. */
    void checkWritable(Instant now, Duration grace) {
        if (submitted()) {
            throw Refusal.conflict("exam.attempt.submitted");
        }
        if (!deadline.acceptsAnswerAt(now, grace)) {
            throw Refusal.conflict("exam.attempt.deadlinePassed");
        }
    }

    /** The item numbered {@code no} (1-based, display order), or a 422 naming it. */
    PaperItem item(int no) {
        if (no < 1 || no > items.size()) {
            throw Refusal.invalid(Violation.field("no", "exam.answer.noSuchItem", no));
        }
        return items.get(no - 1);
    }
}
