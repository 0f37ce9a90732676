package cn.arena.practice;

import cn.arena.account.CurrentUser;
import cn.arena.bank.Option;
import cn.arena.bank.QuestionType;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Year-round practice on the JSON API: programmes for organizers; daily study, the book, `me` and boards for members. */
@RestController
@RequestMapping("/api/v1/practice/programmes")
class PracticeApi {

    record Created(long id) {}

    record ProgrammeView(long id, String name, long orgUnitId, int year, List<Long> bankIds, Rules rules) {
        static ProgrammeView of(PracticeStore.ProgrammeRow p) {
            return new ProgrammeView(p.id(), p.name(), p.orgUnitId(), p.year(), p.bankIds(), p.rules());
        }
    }

    record ItemView(int no, QuestionType type, String stem, List<Option> options, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer blanks) {
        static ItemView of(int no, cn.arena.bank.Question q) {
            return new ItemView(no, q.type(), q.stem(), q.options(), q.type() == QuestionType.FILL_BLANK ? q.blanks() : null);
        }
    }

    record AnsweredView(JsonNode value, boolean correct) {}

    record DailyView(LocalDate date, List<ItemView> items, Map<Integer, AnsweredView> answered, boolean done) {}

    record MistakeView(long questionId, QuestionType type, String stem, List<Option> options, JsonNode correctAnswer, String analysis,
            int wrongCount) {}

    record TitleView(String code, String period) {}

    record MeView(int studiedDays, int streak, int longestStreak, List<TitleView> titles) {}

    record WeekView(String week, @Nullable Long examId, Instant windowStart, Instant windowEnd) {}

    record MonthlyView(@Nullable Long examId, Instant windowStart, Instant windowEnd) {}

    record CalendarView(List<WeekView> weeks, MonthlyView monthly) {}

    record UnitView(long orgUnitId, String name, long people, long participants, BigDecimal rate) {}

    record ParticipationView(long people, long participants, BigDecimal rate, List<UnitView> units) {}

    record OrgRankView(int rank, long orgUnitId, String name, long people, long participants, BigDecimal rate) {}

    private final Sittings sittings;
    private final Programmes programmes;
    private final DailyStudy daily;
    private final MistakeBook book;
    private final MemberRecord members;
    private final Leaderboards boards;
    private final ParticipationReport participation;

    PracticeApi(Sittings sittings, Programmes programmes, DailyStudy daily, MistakeBook book, MemberRecord members,
            Leaderboards boards, ParticipationReport participation) {
        this.sittings = sittings;
        this.programmes = programmes;
        this.daily = daily;
        this.book = book;
        this.members = members;
        this.boards = boards;
        this.participation = participation;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    @Operation(summary = "Create a practice programme for an org unit and a year over some banks; rules left out take the seed's defaults")
    Created create(@AuthenticationPrincipal CurrentUser user, @RequestBody Programmes.NewProgramme body) {
        return new Created(sittings.createProgramme(user, body).id());
    }

    @GetMapping
    @Operation(summary = "Programmes the caller may see: those in an organizer's scope, or those a member belongs to")
    Map<String, List<ProgrammeView>> list(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("items", programmes.list(user).stream().map(ProgrammeView::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A programme with the rules in force (nested: daily, weekly, monthly, annualTop; daily.starDays null = every day of the month)")
    ProgrammeView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return ProgrammeView.of(programmes.visible(user, id));
    }

    @GetMapping("/{id}/daily")
    @Operation(summary = "The member's study set of today (the same all day, unmet questions first), with the answers given so far")
    DailyView daily(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        DailyStudy.Day day = daily.today(user, id);
        Map<Integer, AnsweredView> answered = new LinkedHashMap<>();
        day.items().stream().filter(i -> i.answer() != null)
                .forEach(i -> answered.put(i.no(), new AnsweredView(i.answer(), Boolean.TRUE.equals(i.correct()))));
        return new DailyView(day.date(), day.items().stream().map(i -> ItemView.of(i.no(), i.question())).toList(), answered, day.done());
    }

    @PutMapping("/{id}/daily/answers/{no}")
    @Operation(summary = "Answer one study item once; the key and the analysis come back at once (409 on a second answer, 422 on a wrong shape)")
    DailyStudy.Checked answerDaily(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable int no,
            @RequestBody(required = false) @Nullable JsonNode body) {
        return daily.answer(user, id, no, value(body));
    }

    @GetMapping("/{id}/me")
    @Operation(summary = "The member's studied days, current and longest streak, and titles with their periods")
    MeView me(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        MemberRecord.Me me = members.me(user, id);
        return new MeView(me.studiedDays(), me.streak(), me.longestStreak(),
                me.titles().stream().map(t -> new TitleView(t.code(), t.period())).toList());
    }

    @GetMapping("/{id}/mistakes")
    @Operation(summary = "The member's wrong-answer book with keys and analyses")
    Map<String, List<MistakeView>> mistakes(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Map.of("items", book.entries(user, id).stream().map(e -> new MistakeView(e.question().id(), e.question().type(),
                e.question().stem(), e.question().options(), e.question().answer(), e.question().analysis(), e.wrongCount())).toList());
    }

    @PostMapping("/{id}/mistakes/{questionId}/answer")
    @Operation(summary = "Practise a question of the book; two right answers in a row clear it")
    MistakeBook.Practised answerMistake(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long questionId,
            @RequestBody(required = false) @Nullable JsonNode body) {
        return book.answer(user, id, questionId, value(body));
    }

    @GetMapping("/{id}/calendar")
    @Operation(summary = "A month's weekly practices (ISO weeks whose Monday is in it) and its contest (last Saturday to the Monday after)")
    CalendarView calendar(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String month) {
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.now(sittings.clock()) : YearMonth.parse(month.strip());
        } catch (DateTimeException e) {
            throw Refusal.invalid(Violation.field("month", "practice.month.invalid", month));
        }
        Sittings.Month cal = sittings.calendar(user, id, m);
        return new CalendarView(cal.weeks().stream().map(w -> new WeekView(w.period(), w.examId(), w.windowStart(), w.windowEnd())).toList(),
                new MonthlyView(cal.monthly().examId(), cal.monthly().windowStart(), cal.monthly().windowEnd()));
    }

    @GetMapping("/{id}/leaderboard")
    @Operation(summary = "A WEEK, MONTH or YEAR leaderboard, whole or re-ranked within a unit's subtree, with the caller's own row")
    Leaderboards.Board leaderboard(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String key, @RequestParam(required = false) @Nullable Long orgUnitId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return boards.board(user, id, period, key, orgUnitId, page, Math.max(1, Math.min(size, 500)));
    }

    @GetMapping("/{id}/participation")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    @Operation(summary = "Coverage of a unit and each of its child units between two days (inclusive): staff roll, participants, rate")
    ParticipationView participation(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable Long orgUnitId, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        ParticipationReport.Report r = participation.report(user, id, orgUnitId, from, to);
        return new ParticipationView(r.people(), r.participants(), r.rate(),
                r.units().stream().map(u -> new UnitView(u.orgUnitId(), u.name(), u.people(), u.participants(), u.rate())).toList());
    }

    @GetMapping("/{id}/participation.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    @Operation(summary = "The participation figures as a workbook")
    ResponseEntity<byte[]> participationWorkbook(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable Long orgUnitId, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return xlsx(participation.workbook(participation.report(user, id, orgUnitId, from, to)), "participation.xlsx");
    }

    private static ResponseEntity<byte[]> xlsx(byte[] bytes, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(bytes);
    }

    @GetMapping("/{id}/never-practised.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    @Operation(summary = "The people of a unit's subtree who took no part between the two days (name, unit), for the unit to chase")
    ResponseEntity<byte[]> neverPractised(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable Long orgUnitId, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return xlsx(participation.absentWorkbook(participation.neverPractised(user, id, orgUnitId, from, to)), "never-practised.xlsx");
    }

    @GetMapping("/{id}/org-ranking")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    @Operation(summary = "The programme unit's child units by participation rate, then participants (top 6: 岗位练兵优秀组织奖)")
    Map<String, List<OrgRankView>> orgRanking(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer year) {
        return Map.of("rows", participation.orgRanking(user, id, year).stream().map(r -> new OrgRankView(r.rank(), r.unit().orgUnitId(),
                r.unit().name(), r.unit().people(), r.unit().participants(), r.unit().rate())).toList());
    }

    private static @Nullable JsonNode value(@Nullable JsonNode body) {
        if (body == null || !body.isObject() || !body.has("value")) {
            throw Refusal.invalid(Violation.field("value", "practice.answer.required"));
        }
        return body.get("value");
    }
}
