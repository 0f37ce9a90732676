package cn.arena.exam;

import cn.arena.account.CurrentUser;
import cn.arena.account.Scopes;
import cn.arena.paper.PaperItem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Exams and attempts as downstream modules (marking, competition, report) see them: exam facts, enrolments, and
 * submitted attempts with their items and responses in the questions' original keys.
 */
@Service
public class ExamDirectory {

    private final ExamStore exams;
    private final AttemptStore attempts;
    private final Scopes scopes;
    private final Clock clock;

    private final AttemptService sittings;

    ExamDirectory(ExamStore exams, AttemptStore attempts, Scopes scopes, Clock clock, AttemptService sittings) {
        this.exams = exams;
        this.attempts = attempts;
        this.scopes = scopes;
        this.clock = clock;
        this.sittings = sittings;
    }

    /** The candidate's exams as their home page lists them: what is open, coming, submitted. */
    public List<CandidateExam> candidateExams(CurrentUser user) {
        return sittings.candidateExams(user);
    }

    public Optional<ExamInfo> find(long examId) {
        return exams.find(examId).map(Exam::info);
    }

    /** The exam when it lies in the user's scope; empty when absent or outside it. */
    public Optional<ExamInfo> findVisible(CurrentUser user, long examId) {
        return find(examId).filter(e -> scopes.covers(user, e.ownerUnitId()));
    }

    /** The published exams in the user's scope, latest window first: the exams a competition's sitting may use. */
    public List<ExamInfo> visiblePublished(CurrentUser user) {
        return exams.all().stream().filter(Exam::published).filter(e -> scopes.covers(user, e.ownerUnitId())).map(Exam::info).toList();
    }

    /** Enrols the users (idempotent); returns how many were newly enrolled. */
    @Transactional
    public int enrol(long examId, Collection<Long> userIds) {
        return exams.enrol(examId, userIds, clock.instant());
    }

    public boolean isEnrolled(long examId, long userId) {
        return exams.isEnrolled(examId, userId);
    }

    public List<Long> enrolledUserIds(long examId) {
        return exams.enrolledUserIds(examId);
    }

    /** A submitted attempt with its items in display order and their final responses; empty if absent or still open. */
    @Transactional(readOnly = true)
    public Optional<SubmittedAttempt> submitted(long attemptId) {
        return attempts.find(attemptId).filter(Attempt::submitted).map(a -> {
            Map<Integer, JsonNode> answers = attempts.answers(a.id());
            List<AttemptItem> items = new ArrayList<>();
            for (int i = 0; i < a.items().size(); i++) {
                PaperItem item = a.items().get(i);
                items.add(new AttemptItem(i + 1, item.questionId(), item.points(), item.optionOrder(), answers.get(i + 1)));
            }
            return new SubmittedAttempt(a.id(), a.examId(), a.userId(), a.startedAt(), a.submittedAt(), List.copyOf(items));
        });
    }

    public List<Long> submittedAttemptIds(long examId) {
        return attempts.submittedIds(examId);
    }

    public long submittedCount(long examId) {
        return attempts.submittedCount(examId);
    }

    public Optional<Long> attemptOwner(long attemptId) {
        return attempts.find(attemptId).map(Attempt::userId);
    }

    public Optional<Long> attemptExam(long attemptId) {
        return attempts.find(attemptId).map(Attempt::examId);
    }
}
