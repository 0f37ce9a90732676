package cn.arena.marking;

import cn.arena.account.AuditLog;
import cn.arena.exam.ExamDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Released exam results for downstream modules (competition standings, practice leaderboards, reports). Nothing here
 * is visible before the exam is released: until then {@link #released} and {@link #missed} are empty.
 */
@Service
public class ExamResults {

    /** A question a candidate answered and did not earn full points on, in a released exam. */
    public record MissedItem(long userId, long questionId) {}

    private final MarkingStore store;
    private final ExamDirectory exams;
    private final AuditLog audit;
    private final Clock clock;

    ExamResults(MarkingStore store, ExamDirectory exams, AuditLog audit, Clock clock) {
        this.store = store;
        this.exams = exams;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean isReleased(long examId) {
        return store.release(examId).isPresent();
    }

    /** One score per candidate (their best marked attempt), or empty when the exam is not released. */
    @Transactional(readOnly = true)
    public List<ReleasedScore> released(long examId) {
        if (!isReleased(examId)) {
            return List.of();
        }
        return store.bestMarkedPerUser(examId).stream()
                .map(a -> new ReleasedScore(a.userId(), a.score(), a.submittedAt(), a.timeUsed()))
                .toList();
    }

    /**
     * Releases the results for a scheduled job (a practice programme at the close of its window), once no attempt is
     * open and every submitted one is marked. True when the exam is released, now or before; false: not yet.
     */
    @Transactional
    public boolean releaseWhenMarked(long examId, String by) {
        if (isReleased(examId)) {
            return true;
        }
        if (exams.hasOpenAttempts(examId)) {
            return false;
        }
        Set<Long> marked = new HashSet<>();
        store.attempts(examId, MarkingStore.Status.MARKED).forEach(a -> marked.add(a.attemptId()));
        if (!marked.containsAll(exams.submittedAttemptIds(examId))) {
            return false;
        }
        try {
            store.insertRelease(examId, clock.instant(), by);
        } catch (DuplicateKeyException raced) {
            return true;
        }
        audit.record("RESULTS_RELEASED", "exam:" + examId, "marked=" + marked.size() + " by " + by);
        return true;
    }

    /** The answered items that did not earn full points, in the exam's marked attempts; empty before release. */
    @Transactional(readOnly = true)
    public List<MissedItem> missed(long examId) {
        if (!isReleased(examId)) {
            return List.of();
        }
        List<MissedItem> missed = new ArrayList<>();
        store.markedItems(examId).forEach((attemptId, items) -> store.attempt(attemptId).ifPresent(a -> items.stream()
                .filter(i -> i.response() != null && !i.response().isNull() && i.earned() != null
                        && i.earned().compareTo(i.maxPoints()) < 0)
                .forEach(i -> missed.add(new MissedItem(a.userId(), i.questionId())))));
        return missed;
    }
}
