package cn.arena.practice;

import cn.arena.account.CurrentUser;
import cn.arena.bank.QuestionCatalog;
import cn.arena.org.OrgTree;
import cn.arena.org.OrgUnitKind;
import cn.arena.shared.Messages;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Practice pages. For members (on a phone first): the home page "what do I do today", daily study, the wrong-answer
 * book and the leaderboards. For organizers: the programme list and form, and a programme's calendar and
 * participation dashboard. Study and the book answer through the JSON API from {@code static/js/practice-study.js}.
 */
@Controller
class PracticePages {

    record Sitting(Long examId, String period, String opens, String closes, long opensAtMillis, boolean open) {}

    record Ranked(String scope, @Nullable Integer rank, int total) {}

    record ProgrammeFields(@Nullable String name, @Nullable Long orgUnitId, @Nullable List<Long> bankIds, @Nullable Integer year) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Programmes programmes;
    private final Sittings sittings;
    private final PracticeStore store;
    private final DailyStudy daily;
    private final MemberRecord members;
    private final MistakeBook book;
    private final Leaderboards boards;
    private final ParticipationReport participation;
    private final OrgTree tree;
    private final QuestionCatalog catalog;
    private final Messages messages;
    private final cn.arena.shared.Times times;
    private final Clock clock;

    PracticePages(Programmes programmes, Sittings sittings, PracticeStore store, DailyStudy daily, MemberRecord members, MistakeBook book,
            Leaderboards boards, ParticipationReport participation, OrgTree tree, QuestionCatalog catalog, Messages messages,
            cn.arena.shared.Times times, Clock clock) {
        this.programmes = programmes;
        this.sittings = sittings;
        this.store = store;
        this.daily = daily;
        this.members = members;
        this.book = book;
        this.boards = boards;
        this.participation = participation;
        this.tree = tree;
        this.catalog = catalog;
        this.messages = messages;
        this.times = times;
        this.clock = clock;
    }

    // --- members ---

    @GetMapping("/my/practice")
    @PreAuthorize("hasRole('CANDIDATE')")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<PracticeStore.ProgrammeRow> mine = programmes.list(user).stream().filter(p -> programmes.isMember(user, p)).toList();
        if (mine.size() == 1) {
            return "redirect:/my/practice/" + mine.get(0).id();
        }
        model.addAttribute("programmes", mine);
        return "practice/mine";
    }

    @GetMapping("/my/practice/{id}")
    @PreAuthorize("hasRole('CANDIDATE')")
    String home(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        PracticeStore.ProgrammeRow p = programmes.forMember(user, id);
        Instant now = clock.instant();
        DailyStudy.Day today = daily.today(user, id);
        List<PracticeStore.ExamRow> exams = store.exams(p.id());
        model.addAttribute("programme", p);
        model.addAttribute("today", today);
        model.addAttribute("todayDone", today.done());
        model.addAttribute("answeredToday", today.items().stream().filter(i -> i.answer() != null).count());
        model.addAttribute("me", members.me(user, id));
        model.addAttribute("week", current(exams, Period.Kind.WEEK, PracticeCalendar.weekKey(sittings.calendarDay(now)), now));
        model.addAttribute("contest", current(exams, Period.Kind.MONTH, YearMonth.from(sittings.calendarDay(now)).toString(), now));
        model.addAttribute("serverNow", now.toEpochMilli());
        Optional<PracticeStore.ExamRow> lastWeek = exams.stream().filter(e -> e.kind() == Period.Kind.WEEK && e.releasedAt() != null)
                .reduce((a, b) -> b);
        model.addAttribute("lastWeek", lastWeek.map(PracticeStore.ExamRow::period).orElse(null));
        List<Ranked> ranks = new ArrayList<>();
        lastWeek.ifPresent(w -> {
            cityOf(user).ifPresent(city -> ranks.add(rank(user, id, w.period(), city.id(), city.name())));
            ranks.add(rank(user, id, w.period(), null, p.name()));
        });
        model.addAttribute("ranks", ranks);
        return "practice/home";
    }

    @GetMapping("/my/practice/{id}/study")
    @PreAuthorize("hasRole('CANDIDATE')")
    String study(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("programme", programmes.forMember(user, id));
        return "practice/study";
    }

    @GetMapping("/my/practice/{id}/mistakes")
    @PreAuthorize("hasRole('CANDIDATE')")
    String mistakes(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("programme", programmes.forMember(user, id));
        Map<String, List<MistakeBook.Entry>> byCategory = new LinkedHashMap<>();
        book.entries(user, id).forEach(e -> byCategory.computeIfAbsent(e.question().category(), k -> new ArrayList<>()).add(e));
        model.addAttribute("byCategory", byCategory);
        model.addAttribute("json", JSON);
        return "practice/mistakes";
    }

    @GetMapping("/my/practice/{id}/board")
    @PreAuthorize("hasRole('CANDIDATE')")
    String board(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "WEEK") String period,
            @RequestParam(required = false) @Nullable String key, @RequestParam(defaultValue = "false") boolean city, Model model) {
        PracticeStore.ProgrammeRow p = programmes.forMember(user, id);
        LocalDate today = sittings.calendarDay(clock.instant());
        String shown = key != null && !key.isBlank() ? key : switch (period) {
            case "MONTH" -> YearMonth.from(today).toString();
            case "YEAR" -> Integer.toString(p.year());
            default -> PracticeCalendar.weekKey(today.minusWeeks(1));
        };
        Long unit = city ? cityOf(user).map(OrgTree.OrgUnit::id).orElse(null) : null;
        model.addAttribute("programme", p);
        model.addAttribute("period", period);
        model.addAttribute("key", shown);
        model.addAttribute("city", city);
        model.addAttribute("board", boards.board(user, id, period, shown, unit, 0, 100));
        model.addAttribute("titles", members.me(user, id).titles());
        return "practice/board";
    }

    // --- organizers ---

    @GetMapping("/practice")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        return listPage(user, model, new ProgrammeFields(null, null, null, YearMonth.now(clock).getYear()));
    }

    @PostMapping("/practice")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute ProgrammeFields fields, Model model, RedirectAttributes redirect) {
        try {
            PracticeStore.ProgrammeRow p = sittings.createProgramme(user,
                    new Programmes.NewProgramme(fields.name(), fields.orgUnitId(), fields.bankIds(), fields.year(), null));
            redirect.addFlashAttribute("notice", messages.get("practice.page.created", p.name()));
            return "redirect:/practice/" + p.id();
        } catch (Refusal refusal) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (Violation v : refusal.violations()) {
                errors.merge(v.field() == null ? "" : v.field(), messages.of(v), (a, b) -> a + "；" + b);
            }
            model.addAttribute("fieldErrors", errors);
            return listPage(user, model, fields);
        }
    }

    @GetMapping("/practice/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    String programme(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable Long orgUnitId, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, Model model) {
        PracticeStore.ProgrammeRow p = programmes.visible(user, id);
        YearMonth shownMonth = month == null || month.isBlank() ? YearMonth.from(sittings.calendarDay(clock.instant())) : parseMonth(month);
        ParticipationReport.Report report = participation.report(user, id, orgUnitId, from, to);
        model.addAttribute("programme", p);
        model.addAttribute("month", shownMonth);
        model.addAttribute("calendar", sittings.calendar(user, id, shownMonth));
        model.addAttribute("report", report);
        model.addAttribute("unitName", report.name());
        model.addAttribute("units", tree.subtree(programmes.unitFor(user, p, null)));
        List<ParticipationReport.Absent> never = participation.neverPractised(user, id, report.orgUnitId(), report.from().toString(),
                report.to().toString());
        model.addAttribute("never", never);
        // Per unit, so that each unit finds the people it has to chase.
        model.addAttribute("neverByUnit", never.stream().collect(java.util.stream.Collectors.groupingBy(ParticipationReport.Absent::unit,
                LinkedHashMap::new, java.util.stream.Collectors.mapping(ParticipationReport.Absent::name, java.util.stream.Collectors.toList()))));
        model.addAttribute("chart", JSON.writeValueAsString(chartData(user, p, report)));
        model.addAttribute("ranking", participation.orgRanking(user, id, p.year()));
        return "practice/programme";
    }

    private String listPage(CurrentUser user, Model model, ProgrammeFields fields) {
        model.addAttribute("programmes", programmes.list(user).stream().filter(p -> !programmes.isMember(user, p)).toList());
        model.addAttribute("units", tree.visibleTo(user));
        model.addAttribute("banks", catalog.banksVisibleTo(user));
        model.addAttribute("fields", fields);
        return "practice/list";
    }

    /** Bars per child unit (rate in %), and a line of participants per month of the programme's year so far. */
    private Map<String, Object> chartData(CurrentUser user, PracticeStore.ProgrammeRow p, ParticipationReport.Report report) {
        List<String> names = report.units().stream().map(ParticipationReport.UnitFigures::name).toList();
        List<Double> rates = report.units().stream().map(u -> u.rate().doubleValue() * 100).toList();
        List<String> months = new ArrayList<>();
        List<Long> perMonth = new ArrayList<>();
        YearMonth last = YearMonth.from(sittings.calendarDay(clock.instant()));
        for (int m = 1; m <= 12 && !YearMonth.of(p.year(), m).isAfter(last); m++) {
            YearMonth ym = YearMonth.of(p.year(), m);
            months.add(ym.toString());
            perMonth.add(participation.report(user, p.id(), report.orgUnitId(), ym.atDay(1).toString(), ym.atEndOfMonth().toString()).participants());
        }
        return Map.of("units", names, "rates", rates, "months", months, "participants", perMonth,
                "rateLabel", messages.get("practice.page.chartRate"), "participantsLabel", messages.get("practice.page.chartParticipants"));
    }

    private Sitting current(List<PracticeStore.ExamRow> exams, Period.Kind kind, String period, Instant now) {
        return exams.stream().filter(e -> e.kind() == kind && e.period().equals(period)).findFirst()
                .map(e -> new Sitting(e.examId(), e.period(), times.shown(e.windowStart()), times.shown(e.windowEnd()),
                        e.windowStart().toEpochMilli(), !now.isBefore(e.windowStart()) && now.isBefore(e.windowEnd())))
                .orElse(null);
    }

    private Ranked rank(CurrentUser user, long id, String week, @Nullable Long unit, String scope) {
        Leaderboards.Board b = boards.board(user, id, "WEEK", week, unit, 0, 1);
        return new Ranked(scope, b.me() == null ? null : b.me().rank(), b.total());
    }

    private Optional<OrgTree.OrgUnit> cityOf(CurrentUser user) {
        if (user.orgUnitId() == null) {
            return Optional.empty();
        }
        return tree.ancestorsOf(user.orgUnitId()).stream().map(tree::find).flatMap(Optional::stream)
                .filter(u -> u.kind() == OrgUnitKind.CITY).findFirst();
    }

    private static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month.strip());
        } catch (java.time.DateTimeException e) {
            throw Refusal.invalid(Violation.field("month", "practice.month.invalid", month));
        }
    }
}
