package cn.arena.marking;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.exam.ExamDirectory;
import cn.arena.exam.ExamInfo;
import cn.arena.marking.ResultsStore.ReleaseRow;
import cn.arena.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Release publishes an exam's results: from then on candidates see their items and the key, and marks are final. */
@Service
class Releasing {

    record Released(long examId, Instant releasedAt, String releasedBy, int marked, int unmarked) {}

    private final ResultsStore results;
    private final AutomaticMarking automatic;
    private final MarkingAccess access;
    private final ExamDirectory exams;
    private final AuditLog audit;
    private final Clock clock;

    Releasing(ResultsStore results, AutomaticMarking automatic, MarkingAccess access, ExamDirectory exams, AuditLog audit,
            Clock clock) {
        this.results = results;
        this.automatic = automatic;
        this.access = access;
        this.exams = exams;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<ReleaseRow> release(long examId) {
        return results.release(examId);
    }

    /**
     * Publishes the exam's results. Objective items are marked on submit, so the automatic marking of attempts just
     * submitted is finished first. Refused while submitted attempts still wait for a grader, unless {@code force}: then
     * what is marked is published now and the rest appears as it is marked. Releasing again changes nothing.
     */
    @Transactional
    Released release(CurrentUser user, long examId, boolean force) {
        ExamInfo exam = access.examToManage(user, examId);
        automatic.catchUp(exam.id());
        Set<Long> marked = new HashSet<>();
        results.markedAttempts(exam.id()).forEach(a -> marked.add(a.attemptId()));
        int unmarked = (int) exams.submittedAttemptIds(exam.id()).stream().filter(id -> !marked.contains(id)).count();
        Optional<ReleaseRow> existing = results.release(exam.id());
        if (existing.isPresent()) {
            return released(existing.get(), marked.size(), unmarked);
        }
        if (unmarked > 0 && !force) {
            throw Refusal.conflict("marking.release.unmarked", unmarked);
        }
        try {
            results.insertRelease(exam.id(), clock.instant(), user.username());
        } catch (DuplicateKeyException raced) {
            return released(results.release(exam.id()).orElseThrow(), marked.size(), unmarked);
        }
        audit.record("RESULTS_RELEASED", "exam:" + exam.id(), "marked=" + marked.size() + " unmarked=" + unmarked + (force ? " force" : ""));
        return released(results.release(exam.id()).orElseThrow(), marked.size(), unmarked);
    }

    private static Released released(ReleaseRow row, int marked, int unmarked) {
        return new Released(row.examId(), row.releasedAt(), row.releasedBy(), marked, unmarked);
    }
}
