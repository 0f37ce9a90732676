package cn.arena.exam;

import cn.arena.account.AccountService;
import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Scopes;
import cn.arena.bank.MultipleChoiceScoring;
import cn.arena.bank.QuestionCatalog;
import cn.arena.paper.BankShare;
import cn.arena.paper.Blueprint;
import cn.arena.paper.Papers;
import cn.arena.paper.Section;
import cn.arena.paper.Slot;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizers' side of exams: create (refusing what the banks cannot supply), enrol candidates, publish. */
@Service
class ExamService {

    /** An exam as the organizer sent it, before it is checked. */
    record NewExam(@Nullable String title, @Nullable List<Long> bankIds, @Nullable OffsetDateTime windowStart,
            @Nullable OffsetDateTime windowEnd, @Nullable Integer durationMinutes, @Nullable String variant,
            @Nullable Boolean shuffleQuestions, @Nullable Boolean shuffleOptions, @Nullable List<Section> sections,
            @Nullable BankShare bankShare, @Nullable String multipleChoiceScoring, @Nullable String tieBreak) {}

    /** An enrolled candidate and where their attempt stands, for the organizer's exam page. */
    record Candidate(long userId, String username, String displayName, AttemptStore.@Nullable Progress attempt) {}

    static final int MAX_DURATION_MINUTES = 24 * 60;
    private static final SecureRandom SEEDS = new SecureRandom();

    private final ExamStore exams;
    private final AttemptStore attempts;
    private final Papers papers;
    private final QuestionCatalog catalog;
    private final AccountService accounts;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Clock clock;

    ExamService(ExamStore exams, AttemptStore attempts, Papers papers, QuestionCatalog catalog, AccountService accounts,
            Scopes scopes, AuditLog audit, Clock clock) {
        this.exams = exams;
        this.attempts = attempts;
        this.papers = papers;
        this.catalog = catalog;
        this.accounts = accounts;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    long create(CurrentUser user, NewExam request) {
        List<Violation> problems = new ArrayList<>();
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            problems.add(Violation.field("title", "exam.title.required"));
        }
        if (request.windowStart() == null) {
            problems.add(Violation.field("windowStart", "exam.window.required"));
        }
        if (request.windowEnd() == null) {
            problems.add(Violation.field("windowEnd", "exam.window.required"));
        }
        if (request.windowStart() != null && request.windowEnd() != null && !request.windowEnd().isAfter(request.windowStart())) {
            problems.add(Violation.field("windowEnd", "exam.window.order"));
        }
        if (request.durationMinutes() == null || request.durationMinutes() <= 0 || request.durationMinutes() > MAX_DURATION_MINUTES) {
            problems.add(Violation.field("durationMinutes", "exam.duration.range", MAX_DURATION_MINUTES));
        }
        Exam.Variant variant = parse(Exam.Variant.class, request.variant(), "variant", problems, null);
        MultipleChoiceScoring scoring = parse(MultipleChoiceScoring.class, request.multipleChoiceScoring(), "multipleChoiceScoring",
                problems, MultipleChoiceScoring.ALL_OR_NOTHING);
        Exam.TieBreak tieBreak = parse(Exam.TieBreak.class, request.tieBreak(), "tieBreak", problems, null);
        if (variant == null && request.variant() == null) {
            problems.add(Violation.field("variant", "exam.variant.required"));
        }
        List<Long> bankIds = request.bankIds() == null ? List.of() : request.bankIds().stream().distinct().toList();
        try {
            papers.checkBanks(user, bankIds);
        } catch (Refusal refusal) {
            problems.addAll(refusal.violations());
        }
        Blueprint blueprint = new Blueprint(request.sections() == null ? List.of() : request.sections(), request.bankShare());
        problems.addAll(blueprint.check(bankIds));
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        papers.requireFeasible(bankIds, blueprint);
        Exam exam = new Exam(0, title, user.orgUnitId(), bankIds, request.windowStart().toInstant(), request.windowEnd().toInstant(),
                request.durationMinutes(), variant, Boolean.TRUE.equals(request.shuffleQuestions()),
                Boolean.TRUE.equals(request.shuffleOptions()), blueprint, scoring, tieBreak, SEEDS.nextLong(), Exam.Status.DRAFT, null);
        long id = exams.insert(exam, user.username(), clock.instant());
        audit.record("exam.create", "exam:" + id, title);
        return id;
    }

    List<Exam> list(CurrentUser user) {
        return exams.all().stream().filter(e -> scopes.covers(user, e.ownerUnitId())).toList();
    }

    /** The exam, or 404 when absent or outside the user's scope. */
    Exam get(CurrentUser user, long id) {
        return exams.find(id).filter(e -> scopes.covers(user, e.ownerUnitId())).orElseThrow(Refusal::notFound);
    }

    /** Enrols candidates by username; refuses the whole list (422) if any name is unknown. Returns how many are new. */
    @Transactional
    int enrol(CurrentUser user, long examId, @Nullable List<String> usernames) {
        Exam exam = get(user, examId);
        List<String> names = usernames == null ? List.of()
                : usernames.stream().filter(u -> u != null && !u.isBlank()).map(String::strip).distinct().toList();
        if (names.isEmpty()) {
            throw Refusal.invalid(Violation.field("usernames", "exam.candidates.required"));
        }
        Map<String, Long> ids = accounts.idsByUsername(names);
        List<String> unknown = names.stream().filter(n -> !ids.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw Refusal.invalid(Violation.field("usernames", "exam.candidates.unknown", String.join("、", unknown)));
        }
        int added = exams.enrol(exam.id(), names.stream().map(ids::get).toList(), clock.instant());
        audit.record("exam.enrol", "exam:" + exam.id(), added + " new of " + names.size());
        return added;
    }

    /** Publishes the exam (again: no change). A SHARED exam draws its one paper now, and its questions become used. */
    @Transactional
    Exam publish(CurrentUser user, long examId) {
        Exam exam = get(user, examId);
        if (!exam.published()) {
            List<Slot> shared = null;
            if (exam.variant() == Exam.Variant.SHARED) {
                shared = papers.select(exam.bankIds(), exam.blueprint(), exam.selectionSeed(0));
                catalog.markUsed(shared.stream().map(Slot::questionId).toList());
            }
            if (exams.publish(exam.id(), shared)) {
                audit.record("exam.publish", "exam:" + exam.id(), exam.title());
            }
        }
        return exams.find(examId).orElseThrow(Refusal::notFound);
    }

    List<Candidate> candidates(CurrentUser user, long examId) {
        Exam exam = get(user, examId);
        Map<Long, AttemptStore.Progress> progress = new java.util.HashMap<>();
        attempts.progress(exam.id()).forEach(p -> progress.put(p.userId(), p));
        List<Long> enrolled = exams.enrolledUserIds(exam.id());
        Map<Long, AccountService.UserSummary> accountOf = accounts.findAll(enrolled);
        List<Candidate> candidates = new ArrayList<>();
        for (long userId : enrolled) {
            AccountService.UserSummary summary = accountOf.get(userId);
            candidates.add(new Candidate(userId, summary == null ? "#" + userId : summary.username(),
                    summary == null ? "" : summary.displayName(), progress.get(userId)));
        }
        return candidates;
    }

    /** The time now on the server, for pages that show it. */
    Instant now() {
        return clock.instant();
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String text, String field,
            List<Violation> problems, @Nullable E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(text.strip())).findFirst().orElseGet(() -> {
            problems.add(Violation.field(field, "exam.value.unknown", text,
                    String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        });
    }
}
