package cn.arena.marking;

import cn.arena.account.AccountService;
import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.bank.Question;
import cn.arena.bank.QuestionCatalog;
import cn.arena.bank.QuestionKind;
import cn.arena.exam.ExamDirectory;
import cn.arena.exam.ExamInfo;
import cn.arena.marking.MarkedAttempts.ItemRow;
import cn.arena.marking.MarkingTasks.TaskRow;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Blind manual marking. Graders take tasks one at a time; a mark can be changed until the exam's results are
 * released, and every mark and change is kept in the history and the audit log.
 */
@Service
class Grading {

    /** A task a grader fetched but did not mark goes back to the pool after this long. */
    static final Duration HOLD = Duration.ofMinutes(30);

    /** A task as the grader sees it: the item and the reference, nothing about whose answer it is. */
    record TaskView(String taskId, String type, String stem, String reference, @Nullable String answer, BigDecimal maxPoints,
            @Nullable BigDecimal suggested, @Nullable BigDecimal points, @Nullable String comment) {}

    /** An exam on the marking overview: submitted attempts, open and marked tasks, and whether the user manages its results. */
    record ExamTasks(long examId, String title, long attempts, long open, long marked, boolean manages) {}

    private final MarkingTasks tasks;
    private final MarkedAttempts attempts;
    private final ResultsStore results;
    private final AutomaticMarking automatic;
    private final Settlement settlement;
    private final MarkingAccess access;
    private final ExamDirectory exams;
    private final QuestionCatalog catalog;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;

    Grading(MarkingTasks tasks, MarkedAttempts attempts, ResultsStore results, AutomaticMarking automatic, Settlement settlement,
            MarkingAccess access, ExamDirectory exams, QuestionCatalog catalog, AccountService accounts, AuditLog audit,
            Clock clock) {
        this.tasks = tasks;
        this.attempts = attempts;
        this.results = results;
        this.automatic = automatic;
        this.settlement = settlement;
        this.access = access;
        this.exams = exams;
        this.catalog = catalog;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    long openTasks(long examId) {
        return tasks.openTasks(examId);
    }

    @Transactional
    int enrolGraders(CurrentUser user, long examId, List<String> usernames) {
        ExamInfo exam = access.examToManage(user, examId);
        Set<String> wanted = usernames.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
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
        int added = tasks.enrolGraders(exam.id(), ids.values());
        audit.record("GRADERS_ENROLLED", "exam:" + exam.id(), String.join(",", wanted));
        return added;
    }

    /** Exams with submitted attempts that the user may mark, with their task counts. */
    List<ExamTasks> examsToMark(CurrentUser user) {
        List<ExamTasks> result = new ArrayList<>();
        for (MarkingTasks.ExamCounts counts : tasks.examCounts()) {
            exams.find(counts.examId()).filter(e -> access.canMark(user, e)).ifPresent(e -> result.add(new ExamTasks(e.id(),
                    e.title(), counts.attempts(), counts.open(), counts.marked(), access.manages(user, e))));
        }
        return result;
    }

    /** The task this grader holds in the exam, or the next free one (now held by them); empty when none is left. */
    @Transactional
    Optional<TaskView> nextTask(CurrentUser user, long examId) {
        ExamInfo exam = access.examToMark(user, examId);
        automatic.catchUp(exam.id());
        Instant now = clock.instant();
        Instant heldSince = now.minus(HOLD);
        Optional<TaskRow> held = tasks.heldTask(exam.id(), user.id(), heldSince);
        if (held.isPresent()) {
            return Optional.of(view(held.get()));
        }
        for (int round = 0; round < 5; round++) {
            List<String> free = tasks.freeTasks(exam.id(), heldSince, 10);
            if (free.isEmpty()) {
                return Optional.empty();
            }
            for (String id : free) {
                if (tasks.claim(id, user.id(), now, heldSince)) {
                    return tasks.task(id).map(this::view);
                }
            }
        }
        return Optional.empty();
    }

    /** A task already seen, e.g. to change its mark. */
    TaskView task(CurrentUser user, String taskId) {
        TaskRow task = tasks.task(taskId).orElseThrow(Refusal::notFound);
        access.examToMark(user, task.examId());
        return view(task);
    }

    private TaskView view(TaskRow task) {
        ItemRow item = attempts.item(task.attemptId(), task.no()).orElseThrow();
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
        TaskRow task = tasks.task(taskId).orElseThrow(Refusal::notFound);
        access.examToMark(user, task.examId());
        attempts.lockAttempt(task.attemptId());
        task = tasks.task(taskId).orElseThrow();
        ItemRow item = attempts.item(task.attemptId(), task.no()).orElseThrow();
        List<Violation> violations = mark.check(item.maxPoints());
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations);
        }
        if (task.marked() && results.release(task.examId()).isPresent()) {
            throw Refusal.conflict("marking.released");
        }
        BigDecimal points = QuestionKind.score(mark.points());
        Instant now = clock.instant();
        String comment = mark.cleanComment();
        attempts.markItem(task.attemptId(), task.no(), points, user.username(), now, comment);
        tasks.completeTask(taskId, user.id(), points, comment, now);
        attempts.history(task.attemptId(), task.no(), user.username(), now, item.earned(), points, comment);
        audit.record(item.earned() == null ? "MARK_ENTERED" : "MARK_CHANGED", "attempt:" + task.attemptId() + "#" + task.no(),
                (item.earned() == null ? "" : item.earned().toPlainString() + " -> ") + points.toPlainString()
                        + (comment == null ? "" : " " + comment));
        settlement.settleIfComplete(task.attemptId(), now);
    }
}
