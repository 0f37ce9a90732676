package cn.arena.marking;

import cn.arena.account.AuditLog;
import cn.arena.exam.ExamDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final ResultsStore store;
    private final ExamDirectory exams;
    private final AuditLog audit;
    private final Clock clock;

    ExamResults(ResultsStore store, ExamDirectory exams, AuditLog audit, Clock clock) {
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
        List<Long> marked = store.markedAttempts(examId).stream().map(MarkedAttempts.AttemptRow::attemptId).toList();
        if (!new java.util.HashSet<>(marked).containsAll(exams.submittedAttemptIds(examId))) {
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
        Map<Long, Long> userOf = new HashMap<>();
        store.markedAttempts(examId).forEach(a -> userOf.put(a.attemptId(), a.userId()));
        List<MissedItem> missed = new ArrayList<>();
        store.markedItems(examId).forEach((attemptId, items) -> items.stream()
                .filter(i -> i.response() != null && !i.response().isNull() && i.earned() != null
                        && i.earned().compareTo(i.maxPoints()) < 0)
                .forEach(i -> missed.add(new MissedItem(userOf.get(attemptId), i.questionId()))));
        return missed;
    }
}
