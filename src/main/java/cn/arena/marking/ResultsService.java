package cn.arena.marking;

import cn.arena.account.AccountService;
import cn.arena.account.AccountService.UserSummary;
import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.bank.DisplayKeys;
import cn.arena.bank.Option;
import cn.arena.bank.Question;
import cn.arena.bank.QuestionCatalog;
import cn.arena.bank.QuestionType;
import cn.arena.exam.ExamDirectory;
import cn.arena.exam.ExamInfo;
import cn.arena.marking.MarkedAttempts.AttemptRow;
import cn.arena.marking.MarkedAttempts.ItemRow;
import cn.arena.marking.MarkedAttempts.Status;
import cn.arena.marking.ResultsStore.QuestionStat;
import cn.arena.marking.ResultsStore.ReleaseRow;
import cn.arena.shared.Messages;
import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * What marking shows: a candidate's released result (in the keys they saw), the exam's ranking, item statistics and
 * the results workbook. Candidates see nothing of the key or of scores before release.
 */
@Service
class ResultsService {

    /** Times in exports are shown as the organizers read them, in China Standard Time. */
    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter EXPORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(LOCAL);

    record ItemResult(int no, String type, String stem, List<Option> options, BigDecimal points, @Nullable BigDecimal earned,
            @Nullable JsonNode answer, JsonNode correctAnswer, @Nullable JsonNode alternatives, String analysis,
            @Nullable String comment) {}

    record AttemptResult(long attemptId, long examId, String examTitle, BigDecimal score, BigDecimal maxScore,
            Instant submittedAt, Instant releasedAt, List<ItemResult> items) {}

    record RankingRow(int rank, long userId, String username, String displayName, BigDecimal score, Instant submittedAt,
            long timeUsedSeconds) {}

    record ItemStat(long questionId, String type, String stem, BigDecimal maxPoints, long attempts, long answered, long marked,
            @Nullable BigDecimal meanEarned, @Nullable BigDecimal facility) {}

    private final ResultsStore store;
    private final MarkedAttempts attempts;
    private final MarkingAccess access;
    private final AutomaticMarking automatic;
    private final ExamDirectory exams;
    private final QuestionCatalog catalog;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Messages messages;

    ResultsService(ResultsStore store, MarkedAttempts attempts, MarkingAccess access, AutomaticMarking automatic,
            ExamDirectory exams, QuestionCatalog catalog, AccountService accounts, AuditLog audit, Messages messages) {
        this.store = store;
        this.attempts = attempts;
        this.access = access;
        this.automatic = automatic;
        this.exams = exams;
        this.catalog = catalog;
        this.accounts = accounts;
        this.audit = audit;
        this.messages = messages;
    }

    /**
     * A released attempt's result, for its candidate or an organizer whose scope covers the exam; anyone else gets 404.
     * Before release, or while the attempt still waits for marks: 409.
     */
    @Transactional(readOnly = true)
    AttemptResult result(CurrentUser user, long attemptId) {
        long owner = exams.attemptOwner(attemptId).orElseThrow(Refusal::notFound);
        ExamInfo exam = exams.attemptExam(attemptId).flatMap(exams::find).orElseThrow(Refusal::notFound);
        boolean organizer = access.manages(user, exam);
        if (owner != user.id() && !organizer) {
            throw Refusal.notFound();
        }
        ReleaseRow release = store.release(exam.id()).orElseThrow(() -> Refusal.conflict("marking.result.notReleased"));
        AttemptRow attempt = attempts.attempt(attemptId).filter(a -> a.status() == Status.MARKED)
                .orElseThrow(() -> Refusal.conflict("marking.result.pending"));
        List<ItemRow> items = attempts.items(attemptId);
        Map<Long, Question> questions = catalog.findAll(items.stream().map(ItemRow::questionId).toList()).stream()
                .collect(Collectors.toMap(Question::id, Function.identity()));
        List<ItemResult> results = new ArrayList<>();
        BigDecimal max = BigDecimal.ZERO;
        for (ItemRow item : items) {
            Question question = questions.get(item.questionId());
            QuestionType type = question.type();
            DisplayKeys keys = new DisplayKeys(type, item.optionOrder());
            results.add(new ItemResult(item.no(), type.name(), question.stem(), keys.options(question), item.maxPoints(), item.earned(),
                    keys.answer(item.response()), keys.correctAnswer(question),
                    type == QuestionType.FILL_BLANK ? question.answer() : null, question.analysis(), item.comment()));
            max = max.add(item.maxPoints());
        }
        return new AttemptResult(attemptId, exam.id(), exam.title(), attempt.score(), max, attempt.submittedAt(),
                release.releasedAt(), results);
    }

    /**
     * The ranking of the exam's marked attempts, best first. Organizers in scope see it at any time, with every
     * attempt submitted so far automatically marked; an enrolled candidate only once the results are released (409
     * before); anyone else gets 404.
     */
    @Transactional
    List<RankingRow> ranking(CurrentUser user, long examId) {
        ExamInfo exam = exams.find(examId).orElseThrow(Refusal::notFound);
        if (access.manages(user, exam)) {
            automatic.catchUp(exam.id());
        } else {
            if (!user.has(Role.CANDIDATE) || !exams.isEnrolled(examId, user.id())) {
                throw Refusal.notFound();
            }
            if (store.release(examId).isEmpty()) {
                throw Refusal.conflict("marking.result.notReleased");
            }
        }
        return rank(exam);
    }

    private List<RankingRow> rank(ExamInfo exam) {
        Map<Long, AttemptRow> byUser = new HashMap<>();
        List<Ranking.Entry<Long>> entries = new ArrayList<>();
        for (AttemptRow a : store.bestMarkedPerUser(exam.id())) {
            byUser.put(a.userId(), a);
            entries.add(new Ranking.Entry<>(a.userId(), a.score(), a.timeUsed(), a.submittedAt()));
        }
        Map<Long, UserSummary> accountOf = accounts.findAll(byUser.keySet());
        List<RankingRow> rows = new ArrayList<>();
        for (Ranking.Ranked<Long> ranked : new Ranking(Ranking.TieBreak.parse(exam.tieBreak())).rank(entries)) {
            AttemptRow a = byUser.get(ranked.entry().key());
            UserSummary who = accountOf.getOrDefault(a.userId(),
                    new UserSummary(a.userId(), "#" + a.userId(), "#" + a.userId(), null));
            rows.add(new RankingRow(ranked.rank(), a.userId(), who.username(), who.displayName(), a.score(), a.submittedAt(),
                    a.timeUsed().toSeconds()));
        }
        return rows;
    }

    /** Facility (mean points earned ÷ points available) and counts per question of the exam, for its organizers. */
    @Transactional
    List<ItemStat> itemStats(CurrentUser user, long examId) {
        ExamInfo exam = access.examToManage(user, examId);
        automatic.catchUp(exam.id());
        List<QuestionStat> stats = store.questionStats(exam.id());
        Map<Long, Question> questions = catalog.findAll(stats.stream().map(QuestionStat::questionId).toList()).stream()
                .collect(Collectors.toMap(Question::id, Function.identity()));
        return stats.stream().map(s -> {
            Question q = questions.get(s.questionId());
            BigDecimal mean = s.marked() == 0 || s.earned() == null ? null
                    : s.earned().divide(BigDecimal.valueOf(s.marked()), 2, RoundingMode.HALF_UP);
            BigDecimal facility = s.earned() == null || s.markedMax().signum() == 0 ? null
                    : s.earned().divide(s.markedMax(), 4, RoundingMode.HALF_UP);
            return new ItemStat(s.questionId(), s.type(), q == null ? "" : q.stem(), s.maxPoints(), s.seen(), s.answered(),
                    s.marked(), mean, facility);
        }).toList();
    }

    /** The results workbook: rank, candidate, score, submission time and the points of each item; the export is audited. */
    @Transactional
    byte[] export(CurrentUser user, long examId) {
        ExamInfo exam = access.examToManage(user, examId);
        automatic.catchUp(exam.id());
        List<RankingRow> rows = rank(exam);
        Map<Long, List<ItemRow>> items = store.markedItems(exam.id());
        Map<Long, Long> attemptOfUser = new HashMap<>();
        store.bestMarkedPerUser(exam.id()).forEach(a -> attemptOfUser.put(a.userId(), a.attemptId()));
        int itemCount = items.values().stream().mapToInt(List::size).max().orElse(0);
        List<String> header = new ArrayList<>(List.of(messages.get("marking.export.rank"), messages.get("marking.export.username"),
                messages.get("marking.export.name"), messages.get("marking.export.score"), messages.get("marking.export.submittedAt")));
        for (int no = 1; no <= itemCount; no++) {
            header.add(messages.get("marking.export.item", no));
        }
        byte[] bytes;
        try (Spreadsheet.Writer writer = new Spreadsheet.Writer()) {
            writer.sheet(messages.get("marking.export.sheet"), header);
            for (RankingRow row : rows) {
                List<Object> cells = new ArrayList<>(List.of(row.rank(), row.username(), row.displayName(), row.score(),
                        EXPORT_TIME.format(row.submittedAt())));
                for (ItemRow item : items.getOrDefault(attemptOfUser.get(row.userId()), List.of())) {
                    cells.add(item.earned());
                }
                writer.row(cells);
            }
            bytes = writer.toBytes();
        }
        audit.record("RESULTS_EXPORTED", "exam:" + exam.id(), "rows=" + rows.size());
        return bytes;
    }
}
