package cn.arena.marking;

import cn.arena.account.AuditLog;
import cn.arena.bank.Mark;
import cn.arena.bank.Question;
import cn.arena.bank.QuestionCatalog;
import cn.arena.bank.QuestionKind;
import cn.arena.exam.AttemptItem;
import cn.arena.exam.ExamDirectory;
import cn.arena.exam.ExamInfo;
import cn.arena.exam.SubmittedAttempt;
import cn.arena.marking.MarkedAttempts.ItemRow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Marking on submit: the objective items are marked by their question kind and each answered short-answer or essay
 * item becomes one blind task. It runs when the submission's event arrives, and earlier for an exam whose results
 * someone asks for ({@link #catchUp}): whichever comes first marks the attempt, the other finds it marked.
 */
@Service
class AutomaticMarking {

    static final String SYSTEM = "system";

    private final MarkedAttempts attempts;
    private final MarkingTasks tasks;
    private final Settlement settlement;
    private final ExamDirectory exams;
    private final QuestionCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    AutomaticMarking(MarkedAttempts attempts, MarkingTasks tasks, Settlement settlement, ExamDirectory exams,
            QuestionCatalog catalog, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
        this.attempts = attempts;
        this.tasks = tasks;
        this.settlement = settlement;
        this.exams = exams;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Marks what the machine can and opens blind tasks for the rest. A second delivery of the same attempt changes nothing. */
    @Transactional
    void markSubmitted(long attemptId) {
        if (attempts.hasAttempt(attemptId)) {
            return;
        }
        SubmittedAttempt attempt = exams.submitted(attemptId)
                .orElseThrow(() -> new IllegalStateException("attempt " + attemptId + " is not submitted"));
        ExamInfo exam = exams.find(attempt.examId()).orElseThrow(() -> new IllegalStateException("no exam " + attempt.examId()));
        Map<Long, Question> questions = catalog.findAll(attempt.items().stream().map(AttemptItem::questionId).toList())
                .stream().collect(Collectors.toMap(Question::id, Function.identity()));
        if (!receive(attempt)) {
            return;
        }
        Instant now = clock.instant();
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
        attempts.insertItems(rows, SYSTEM, now);
        List<Integer> subjective = rows.stream().filter(ItemRow::needsGrader).map(ItemRow::no).toList();
        tasks.insertTasks(attempt.examId(), attemptId, subjective);
        BigDecimal objective = settlement.settleIfComplete(attemptId, now);
        audit.record(SYSTEM, "ATTEMPT_MARKED_ON_SUBMIT", "attempt:" + attemptId,
                "objective=" + objective.toPlainString() + " tasks=" + subjective.size(), AuditLog.Outcome.SUCCESS);
    }

    /**
     * Takes the attempt in, under a savepoint. Of two transactions marking the same attempt (the event listener and a
     * catch-up), the second waits on the first's row and then gets false: the attempt is marked, and its own
     * transaction goes on unharmed.
     */
    private boolean receive(SubmittedAttempt attempt) {
        return Boolean.TRUE.equals(savepoint.execute(status -> {
            try {
                attempts.insertAttempt(attempt.attemptId(), attempt.examId(), attempt.userId(), attempt.startedAt(),
                        attempt.submittedAt());
                return true;
            } catch (DuplicateKeyException markedMeanwhile) {
                status.setRollbackOnly();
                return false;
            }
        }));
    }

    /**
     * Marks now every submitted attempt of the exam whose submission event has not been handled yet, so that what
     * follows a submit (a release, the ranking) finds it marked; submit itself stays as cheap as it was.
     */
    @Transactional
    void catchUp(long examId) {
        if (exams.submittedCount(examId) == attempts.receivedCount(examId)) {
            return;
        }
        Set<Long> received = new HashSet<>(attempts.receivedIds(examId));
        for (long attemptId : exams.submittedAttemptIds(examId)) {
            if (!received.contains(attemptId)) {
                markSubmitted(attemptId);
            }
        }
    }
}
