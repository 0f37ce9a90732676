package cn.arena.exam;

import cn.arena.account.CurrentUser;
import cn.arena.account.Scopes;
import cn.arena.bank.MultipleChoiceScoring;
import cn.arena.paper.Blueprint;
import cn.arena.paper.PaperItem;
import cn.arena.paper.Papers;
import cn.arena.paper.Section;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Exams and attempts as downstream modules (marking, competition, report) see them: exam facts, enrolments, and
 * submitted attempts with their items and responses in the questions' original keys.
 */
@Service
public class ExamDirectory {

    /**
     * An exam a downstream module makes for itself (a practice programme's weekly paper or monthly contest): a
     * different shuffled paper per candidate, all-or-nothing multiple choice, published at once.
     */
    public record ScheduledExam(String title, @Nullable Long ownerUnitId, List<Long> bankIds, Instant windowStart,
            Instant windowEnd, int durationMinutes, List<Section> sections) {}

    private static final SecureRandom SEEDS = new SecureRandom();

    private final ExamStore exams;
    private final AttemptStore attempts;
    private final Papers papers;
    private final Scopes scopes;
    private final Clock clock;

    private final AttemptService sittings;

    ExamDirectory(ExamStore exams, AttemptStore attempts, Papers papers, Scopes scopes, Clock clock, AttemptService sittings) {
        this.exams = exams;
        this.attempts = attempts;
        this.papers = papers;
        this.scopes = scopes;
        this.clock = clock;
        this.sittings = sittings;
    }

    /** The candidate's exams as their home page lists them: what is open, coming, submitted. */
    public List<CandidateExam> candidateExams(CurrentUser user) {
        return sittings.candidateExams(user);
    }

    /** Creates and publishes the exam; refuses (422) a blueprint the banks cannot supply. */
    @Transactional
    public long createPublished(ScheduledExam spec, String createdBy) {
        Blueprint blueprint = new Blueprint(spec.sections(), null);
        papers.requireFeasible(spec.bankIds(), blueprint);
        Exam exam = new Exam(0, spec.title(), spec.ownerUnitId(), List.copyOf(spec.bankIds()), spec.windowStart(), spec.windowEnd(),
                spec.durationMinutes(), Exam.Variant.PER_CANDIDATE, true, true, blueprint, MultipleChoiceScoring.ALL_OR_NOTHING,
                null, SEEDS.nextLong(), Exam.Status.DRAFT, null);
        long id = exams.insert(exam, createdBy, clock.instant());
        exams.publish(id, null);
        return id;
    }

    /** True while an attempt of the exam is still open (its candidate may still answer, or the sweep has not run). */
    public boolean hasOpenAttempts(long examId) {
        return attempts.anyOpen(examId);
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
