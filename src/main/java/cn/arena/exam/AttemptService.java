package cn.arena.exam;

import cn.arena.account.CurrentUser;
import com.fasterxml.jackson.annotation.JsonInclude;
import cn.arena.bank.DisplayKeys;
import cn.arena.bank.Option;
import cn.arena.bank.Question;
import cn.arena.bank.QuestionCatalog;
import cn.arena.bank.QuestionKind;
import cn.arena.bank.QuestionType;
import cn.arena.paper.Assembly;
import cn.arena.paper.PaperItem;
import cn.arena.paper.Papers;
import cn.arena.paper.Slot;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Candidates' side of exams: start or resume an attempt, save answers as they go, submit. Only the server's clock
 * counts; every acknowledged save is committed before the reply. Another user's attempt is never revealed (404).
 */
@Service
class AttemptService {

    /** An option as the candidate sees it: the display letter and the text. */
    record ShownOption(String key, String text) {}

    /** An item as the candidate sees it: nothing of the key, the analysis or the reference answer. */
    record ShownItem(int no, QuestionType type, String stem, List<ShownOption> options,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer blanks, BigDecimal points) {}

    /** What starting or resuming gives the candidate. */
    record Sitting(Attempt attempt, List<ShownItem> items, Map<Integer, JsonNode> answers) {}

    private final ExamStore exams;
    private final AttemptStore attempts;
    private final Submissions submissions;
    private final Papers papers;
    private final QuestionCatalog catalog;
    /** Question versions on a started paper are marked used, and used versions are never edited in place. */
    /** Question versions in use never change: the save path need not read and parse them again on every answer. */
    private final Cache<Long, Question> usedQuestions = Caffeine.newBuilder().maximumSize(20_000).build();
    private final ExamProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AttemptService(ExamStore exams, AttemptStore attempts, Submissions submissions, Papers papers, QuestionCatalog catalog,
            ExamProperties properties, TransactionTemplate transactions, Clock clock) {
        this.exams = exams;
        this.attempts = attempts;
        this.submissions = submissions;
        this.papers = papers;
        this.catalog = catalog;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Resumes the candidate's attempt, or starts one while the window is open (409 outside it). Not enrolled or not
     * published: 404. The paper is drawn and arranged once, here, and stored with the attempt.
     */
    Sitting start(CurrentUser user, long examId) {
        Exam exam = exams.find(examId).filter(Exam::published).filter(e -> exams.isEnrolled(e.id(), user.id()))
                .orElseThrow(Refusal::notFound);
        Optional<Attempt> existing = attempts.findFor(exam.id(), user.id());
        if (existing.isPresent()) {
            return sitting(existing.get());
        }
        Instant now = clock.instant();
        if (!exam.isOpenAt(now)) {
            throw Refusal.conflict(now.isBefore(exam.windowStart()) ? "exam.window.notYetOpen" : "exam.window.closed");
        }
        List<PaperItem> items = Assembly.arrange(selection(exam, user.id()), exam.arrangementSeed(user.id()),
                exam.shuffleQuestions(), exam.shuffleOptions());
        Deadline deadline = exam.deadlineFor(now);
        long attemptId;
        try {
            attemptId = transactions.execute(tx -> {
                long id = attempts.insert(exam.id(), user.id(), now, deadline, items);
                catalog.markUsed(items.stream().map(PaperItem::questionId).toList());
                return id;
            });
        } catch (DuplicateKeyException parallelStart) {
            // The same candidate started in another tab a moment ago: that attempt is the one.
            return sitting(attempts.findFor(exam.id(), user.id()).orElseThrow());
        }
        // Just written, so nothing to read back: a new attempt is open and has no answers yet.
        return sitting(new Attempt(attemptId, exam.id(), user.id(), now, deadline, Attempt.Status.OPEN, null, null, items), Map.of());
    }

    private List<Slot> selection(Exam exam, long userId) {
        if (exam.sharedSelection() != null) {
            return exam.sharedSelection();
        }
        try {
            return papers.select(exam.bankIds(), exam.blueprint(), exam.selectionSeed(userId));
        } catch (Refusal banksChanged) {
            throw Refusal.conflict("exam.paper.unavailable");
        }
    }

    /** The caller's own attempt, or 404. */
    Attempt own(CurrentUser user, long attemptId) {
        return attempts.find(attemptId).filter(a -> a.userId() == user.id()).orElseThrow(Refusal::notFound);
    }

    Sitting resume(CurrentUser user, long attemptId) {
        return sitting(own(user, attemptId));
    }

    /**
     * Saves (or with {@code null} clears) the answer to item {@code no}, given in the letters the candidate sees.
     * The attempt's row is locked for the save, so a save and a submit never interleave: a save either lands before
     * the submission or is refused after it.
     */
    @Transactional
    void save(CurrentUser user, long attemptId, int no, @Nullable JsonNode value) {
        Attempt attempt = attempts.lock(attemptId).filter(a -> a.userId() == user.id()).orElseThrow(Refusal::notFound);
        Instant now = clock.instant();
        attempt.checkWritable(now, properties.grace());
        PaperItem item = attempt.item(no);
        if (value == null || value.isNull()) {
            attempts.clearAnswer(attempt.id(), no);
            return;
        }
        Question question = usedQuestions.getAll(List.of(item.questionId()), this::load).get(item.questionId());
        JsonNode original = new DisplayKeys(item.type(), item.optionOrder()).toOriginal(value)
                .orElseThrow(() -> Refusal.invalid(Violation.field("value", "response.unknownKey")));
        QuestionKind.of(item.type()).checkResponse(question, original).ifPresent(problem -> {
            throw Refusal.invalid(Violation.field("value", problem));
        });
        attempts.saveAnswer(attempt.id(), no, original, now);
    }

    Attempt submit(CurrentUser user, long attemptId) {
        own(user, attemptId);
        return submissions.submit(attemptId, Attempt.SubmittedBy.USER);
    }

    /** The candidate's exams: each enrolled published exam with the candidate's attempt, if any. */
    Map<Exam, Optional<Attempt>> mine(CurrentUser user) {
        Map<Long, Attempt> byExam = attempts.byUser(user.id());
        Map<Exam, Optional<Attempt>> mine = new LinkedHashMap<>();
        for (Exam exam : exams.enrolledPublished(user.id())) {
            mine.put(exam, Optional.ofNullable(byExam.get(exam.id())));
        }
        return mine;
    }

    /** The published exams the candidate is enrolled on, each as it stands for them now. */
    List<CandidateExam> candidateExams(CurrentUser user) {
        Instant now = clock.instant();
        return mine(user).entrySet().stream().map(e -> CandidateExam.of(e.getKey(), e.getValue(), now)).toList();
    }

    /** A published exam the candidate is enrolled on, or 404. */
    Exam enrolledExam(CurrentUser user, long examId) {
        return exams.find(examId).filter(Exam::published).filter(e -> exams.isEnrolled(e.id(), user.id()))
                .orElseThrow(Refusal::notFound);
    }

    Instant now() {
        return clock.instant();
    }

    /** The question versions not cached yet, in one query. Caffeine calls this outside its locks, unlike a single get. */
    private Map<Long, Question> load(Set<? extends Long> ids) {
        return catalog.findAll(List.copyOf(ids)).stream().collect(Collectors.toMap(Question::id, Function.identity()));
    }

    private Sitting sitting(Attempt attempt) {
        return sitting(attempt, attempts.answers(attempt.id()));
    }

    private Sitting sitting(Attempt attempt, Map<Integer, JsonNode> saved) {
        Map<Long, Question> questions = usedQuestions.getAll(attempt.items().stream().map(PaperItem::questionId).toList(), this::load);
        List<ShownItem> items = new ArrayList<>();
        Map<Integer, JsonNode> answers = new LinkedHashMap<>();
        for (int i = 0; i < attempt.items().size(); i++) {
            PaperItem item = attempt.items().get(i);
            Question question = questions.get(item.questionId());
            int no = i + 1;
            List<ShownOption> options = new ArrayList<>();
            for (int k = 0; k < item.optionOrder().size(); k++) {
                String key = item.optionOrder().get(k);
                String text = question.options().stream().filter(o -> o.key().equals(key)).map(Option::text).findFirst().orElse("");
                options.add(new ShownOption(DisplayKeys.label(k), text));
            }
            items.add(new ShownItem(no, item.type(), question.stem(), options,
                    item.type() == QuestionType.FILL_BLANK ? question.blanks() : null, item.points()));
            JsonNode value = saved.get(no);
            if (value != null) {
                answers.put(no, new DisplayKeys(item.type(), item.optionOrder()).toDisplay(value));
            }
        }
        return new Sitting(attempt, List.copyOf(items), answers);
    }
}
