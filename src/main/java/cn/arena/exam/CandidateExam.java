package cn.arena.exam;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An exam as the enrolled candidate sees it now: where it stands for them, and by when they must act (the window's
 * end before they start, their own deadline once started).
 */
public record CandidateExam(long examId, String title, Instant windowStart, Instant windowEnd, int durationMinutes, State state,
        @Nullable Long attemptId, @Nullable Instant dueBy) {

    public enum State { UPCOMING, OPEN, IN_PROGRESS, SUBMITTED, CLOSED }

    static CandidateExam of(Exam exam, Optional<Attempt> attempt, Instant now) {
        State state;
        Instant due = null;
        if (attempt.isPresent()) {
            state = attempt.get().submitted() ? State.SUBMITTED : State.IN_PROGRESS;
            due = attempt.get().submitted() ? null : attempt.get().deadline().at();
        } else if (now.isBefore(exam.windowStart())) {
            state = State.UPCOMING;
        } else if (exam.isOpenAt(now)) {
            state = State.OPEN;
            due = exam.windowEnd();
        } else {
            state = State.CLOSED;
        }
        return new CandidateExam(exam.id(), exam.title(), exam.windowStart(), exam.windowEnd(), exam.durationMinutes(), state,
                attempt.map(Attempt::id).orElse(null), due);
    }

    /** Something the candidate can do now: start or carry on. */
    public boolean actionable() {
        return state == State.OPEN || state == State.IN_PROGRESS;
    }
}
