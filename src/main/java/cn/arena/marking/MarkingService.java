package cn.arena.marking;

import cn.arena.account.AccountService;
import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.account.Scopes;
import cn.arena.bank.Mark;
import cn.arena.bank.Question;
import cn.arena.bank.QuestionCatalog;
import cn.arena.bank.QuestionKind;
import cn.arena.exam.AttemptItem;
import cn.arena.exam.ExamDirectory;
import cn.arena.exam.ExamInfo;
import cn.arena.exam.SubmittedAttempt;
import cn.arena.marking.MarkingStore.AttemptRow;
import cn.arena.marking.MarkingStore.ItemRow;
import cn.arena.marking.MarkingStore.ReleaseRow;
import cn.arena.marking.MarkingStore.Status;
import cn.arena.marking.MarkingStore.TaskRow;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Marking an attempt, from submission to release. On submit the objective items are marked by their question kind
 * and each answered short-answer or essay item becomes one blind task; the attempt is MARKED (and
 * {@link AttemptMarked} published) once every item has a mark. Graders take tasks one at a time; a mark can be
 * changed until the exam's results are released, and every mark and change is kept in the history and the audit log.
 * Release publishes the results: from then on candidates see their items and the key, and marks are final.
 */
@Service
class MarkingService {

    static final String SYSTEM = "system";
    /** A task a grader fetched but did not mark goes back to the pool after this long. */
    static final Duration HOLD = Duration.ofMinutes(30);

    /** A task as the grader sees it: the item and the reference, nothing about whose answer it is. */
    record TaskView(String taskId, String type, String stem, String reference, @Nullable String answer, BigDecimal maxPoints,
            @Nullable BigDecimal suggested, @Nullable BigDecimal points, @Nullable String comment) {}

    /** An exam on the marking overview: submitted attempts, open and marked tasks, and whether the user manages its results. */
    record ExamTasks(long examId, String title, long attempts, long open, long marked, boolean manages) {}

    record Released(long examId, Instant releasedAt, String releasedBy, int marked, int unmarked) {}

    private final MarkingStore store;
    private final ExamDirectory exams;
    private final QuestionCatalog catalog;
    private final AccountService accounts;
    private final Scopes scopes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MarkingService(MarkingStore store, ExamDirectory exams, QuestionCatalog catalog, AccountService accounts, Scopes scopes,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.exams = exams;
        this.catalog = catalog;
        this.accounts = accounts;
        this.scopes = scopes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // --- on submit ---

    /** Marks what the machine can and opens blind tasks for the rest. A second delivery of the same attempt changes nothing. */
    @Transactional
    void markSubmitted(long attemptId) {
        if (store.hasAttempt(attemptId)) {
            return;
        }
        SubmittedAttempt attempt = exams.submitted(attemptId)
                .orElseThrow(() -> new IllegalStateException("attempt " + attemptId + " is not submitted"));
        ExamInfo exam = exams.find(attempt.examId()).orElseThrow(() -> new IllegalStateException("no exam " + attempt.examId()));
        Map<Long, Question> questions = catalog.findAll(attempt.items().stream().map(AttemptItem::questionId).toList())
                .stream().collect(Collectors.toMap(Question::id, Function.identity()));
        Instant now = clock.instant();
        store.insertAttempt(attemptId, attempt.examId(), attempt.userId(), attempt.startedAt(), attempt.submittedAt());
        List<ItemRow> rows = new ArrayList<>();
        for (AttemptItem item : attempt.items()) {
            Question question = questions.get(item.questionId());
            if (question == null) {
                throw new IllegalStateException("attempt " + attemptId + " refers to missing question " + item.questionId());
            }
            JsonNode response = item.response() == null || item.response().isNull() ? null : item.response();
            // An unanswered item earns nothing; a blank essay needs no grader.
            Mark mark = response == null ? Mark.of(QuestionKind.score(BigDecimal.ZERO))
                    : QuestionKind.of(question.type()).mark(question, response, item.points(), exam.multipleChoiceScoring());
            rows.add(new ItemRow(attemptId, item.no(), item.questionId(), question.type().name(), QuestionKind.score(item.points()),
                    item.optionOrder(), response, mark.needsGrader() ? null : mark.earned(), mark.needsGrader(), mark.suggested(), null));
        }
        // Machine marks are recorded as marks by "system"; each item left for a grader becomes one task with a random id.
        store.insertItems(rows, SYSTEM, now);
        List<Integer> subjective = rows.stream().filter(ItemRow::needsGrader).map(ItemRow::no).toList();
        store.insertTasks(attempt.examId(), attemptId, subjective);
        BigDecimal objective = settleIfComplete(attemptId, now);
        audit.record(SYSTEM, "ATTEMPT_MARKED_ON_SUBMIT", "attempt:" + attemptId,
                "objective=" + objective.toPlainString() + " tasks=" + subjective.size(), AuditLog.Outcome.SUCCESS);
    }

    /** Totals the attempt; when no item waits for a grader it becomes MARKED and {@link AttemptMarked} is published. */
    private BigDecimal settleIfComplete(long attemptId, Instant now) {
        AttemptRow attempt = store.attempt(attemptId).orElseThrow();
        List<ItemRow> items = store.items(attemptId);
        BigDecimal objective = items.stream().filter(i -> !i.needsGrader() && i.earned() != null).map(ItemRow::earned)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (items.stream().anyMatch(i -> i.earned() == null)) {
            store.setObjectiveScore(attemptId, objective);
            return objective;
        }
        BigDecimal score = items.stream().map(ItemRow::earned).reduce(BigDecimal.ZERO, BigDecimal::add);
        store.settle(attemptId, score, objective, now);
        events.publishEvent(new AttemptMarked(attemptId, attempt.examId(), attempt.userId(), QuestionKind.score(score)));
        return objective;
    }

    // --- graders ---

    /** Who may mark an exam: admins, organizers whose scope covers it, graders enrolled on it (or graders without scope). */
    boolean canMark(CurrentUser user, ExamInfo exam) {
        if (manages(user, exam)) {
            return true;
        }
        return user.has(Role.GRADER) && (user.orgUnitId() == null || store.isGrader(exam.id(), user.id()));
    }

    long openTasks(long examId) {
        return store.openTasks(examId);
    }

    ExamInfo examToMark(CurrentUser user, long examId) {
        return exams.find(examId).filter(e -> canMark(user, e)).orElseThrow(Refusal::notFound);
    }

    ExamInfo examToManage(CurrentUser user, long examId) {
        return exams.find(examId).filter(e -> manages(user, e)).orElseThrow(Refusal::notFound);
    }

    /** Admins and organizers whose scope covers the exam release its results and see its ranking at any time. */
    boolean manages(CurrentUser user, ExamInfo exam) {
        return user.isAdmin() || user.has(Role.ORGANIZER) && scopes.covers(user, exam.ownerUnitId());
    }

    @Transactional
    int enrolGraders(CurrentUser user, long examId, List<String> usernames) {
        ExamInfo exam = examToManage(user, examId);
        Set<String> wanted = usernames.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (wanted.isEmpty()) {
            throw Refusal.invalid(Violation.field("usernames", "marking.graders.empty"));
        }
        Map<String, Long> ids = accounts.idsByUsername(wanted);
        List<String> unknown = wanted.stream().filter(u -> !ids.containsKey(u)).toList();
        if (!unknown.isEmpty()) {
            throw Refusal.invalid(Violation.field("usernames", "marking.graders.unknown", String.join(", ", unknown)));
        }
        List<String> notGraders = wanted.stream().filter(u -> !accounts.rolesOf(ids.get(u)).contains(Role.GRADER)).toList();
        if (!notGraders.isEmpty()) {
            throw Refusal.invalid(Violation.field("usernames", "marking.graders.notGrader", String.join(", ", notGraders)));
        }
        int added = store.enrolGraders(exam.id(), ids.values());
        audit.record("GRADERS_ENROLLED", "exam:" + exam.id(), String.join(",", wanted));
        return added;
    }

    /** Exams with submitted attempts that the user may mark, with their task counts. */
    List<ExamTasks> examsToMark(CurrentUser user) {
        List<ExamTasks> result = new ArrayList<>();
        for (MarkingStore.ExamCounts counts : store.examCounts()) {
            exams.find(counts.examId()).filter(e -> canMark(user, e)).ifPresent(e -> result.add(new ExamTasks(e.id(), e.title(),
                    counts.attempts(), counts.open(), counts.marked(), manages(user, e))));
        }
        return result;
    }

    /** The task this grader holds in the exam, or the next free one (now held by them); empty when none is left. */
    @Transactional
    Optional<TaskView> nextTask(CurrentUser user, long examId) {
        ExamInfo exam = examToMark(user, examId);
        Instant now = clock.instant();
        Instant heldSince = now.minus(HOLD);
        Optional<TaskRow> held = store.heldTask(exam.id(), user.id(), heldSince);
        if (held.isPresent()) {
            return Optional.of(view(held.get()));
        }
        for (int round = 0; round < 5; round++) {
            List<String> free = store.freeTasks(exam.id(), heldSince, 10);
            if (free.isEmpty()) {
                return Optional.empty();
            }
            for (String id : free) {
                if (store.claim(id, user.id(), now, heldSince)) {
                    return store.task(id).map(this::view);
                }
            }
        }
        return Optional.empty();
    }

    /** A task already seen, e.g. to change its mark. */
    TaskView task(CurrentUser user, String taskId) {
        TaskRow task = store.task(taskId).orElseThrow(Refusal::notFound);
        examToMark(user, task.examId());
        return view(task);
    }

    private TaskView view(TaskRow task) {
        ItemRow item = store.item(task.attemptId(), task.no()).orElseThrow();
        Question question = catalog.find(item.questionId()).orElseThrow();
        JsonNode response = item.response();
        return new TaskView(task.id(), item.type(), question.stem(), text(question.answer()),
                response == null ? null : text(response), item.maxPoints(), item.suggested(), task.points(), task.comment());
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }

    /** Enters or changes a grader's mark. Changing a mark after release is refused; a first mark of a late attempt is not. */
    @Transactional
    void saveMark(CurrentUser user, String taskId, GraderMark mark) {
        TaskRow task = store.task(taskId).orElseThrow(Refusal::notFound);
        examToMark(user, task.examId());
        store.lockAttempt(task.attemptId());
        task = store.task(taskId).orElseThrow();
        ItemRow item = store.item(task.attemptId(), task.no()).orElseThrow();
        List<Violation> violations = mark.check(item.maxPoints());
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations);
        }
        if (task.marked() && store.release(task.examId()).isPresent()) {
            throw Refusal.conflict("marking.released");
        }
        BigDecimal points = QuestionKind.score(mark.points());
        Instant now = clock.instant();
        String comment = mark.cleanComment();
        store.markItem(task.attemptId(), task.no(), points, user.username(), now, comment);
        store.completeTask(taskId, user.id(), points, comment, now);
        store.history(task.attemptId(), task.no(), user.username(), now, item.earned(), points, comment);
        audit.record(item.earned() == null ? "MARK_ENTERED" : "MARK_CHANGED", "attempt:" + task.attemptId() + "#" + task.no(),
                (item.earned() == null ? "" : item.earned().toPlainString() + " -> ") + points.toPlainString()
                        + (comment == null ? "" : " " + comment));
        settleIfComplete(task.attemptId(), now);
    }

    // --- release ---

    Optional<ReleaseRow> release(long examId) {
        return store.release(examId);
    }

    /**
     * Publishes the exam's results. Refused while submitted attempts still wait for marks, unless {@code force}: then
     * what is marked is published now and the rest appears as it is marked. Releasing again changes nothing.
     */
    @Transactional
    Released release(CurrentUser user, long examId, boolean force) {
        ExamInfo exam = examToManage(user, examId);
        Set<Long> marked = new HashSet<>();
        store.attempts(exam.id(), Status.MARKED).forEach(a -> marked.add(a.attemptId()));
        int unmarked = (int) exams.submittedAttemptIds(exam.id()).stream().filter(id -> !marked.contains(id)).count();
        Optional<ReleaseRow> existing = store.release(exam.id());
        if (existing.isPresent()) {
            return released(existing.get(), marked.size(), unmarked);
        }
        if (unmarked > 0 && !force) {
            throw Refusal.conflict("marking.release.unmarked", unmarked);
        }
        try {
            store.insertRelease(exam.id(), clock.instant(), user.username());
        } catch (DuplicateKeyException raced) {
            return released(store.release(exam.id()).orElseThrow(), marked.size(), unmarked);
        }
        audit.record("RESULTS_RELEASED", "exam:" + exam.id(), "marked=" + marked.size() + " unmarked=" + unmarked + (force ? " force" : ""));
        return released(store.release(exam.id()).orElseThrow(), marked.size(), unmarked);
    }

    private static Released released(ReleaseRow row, int marked, int unmarked) {
        return new Released(row.examId(), row.releasedAt(), row.releasedBy(), marked, unmarked);
    }
}
