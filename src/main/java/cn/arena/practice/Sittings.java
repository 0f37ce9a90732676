package cn.arena.practice;

import cn.arena.account.AccountService;
import cn.arena.exam.ExamDirectory;
import cn.arena.marking.ExamResults;
import cn.arena.marking.ReleasedScore;
import cn.arena.paper.Section;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly practices and monthly contests of programmes, as exams of the exam module: made a week ahead of their
 * windows with every member enrolled, results released when the window has closed (the wrong answers then go into
 * the book and the scores into the leaderboards), and titles awarded once their periods are over. Each step is its
 * own transaction and is safe to repeat or to race: the database's keys let one of two nodes win, never both.
 */
@Service("practiceSittings") // competition has its own Sittings bean
class Sittings {

    static final Duration LEAD = Duration.ofDays(7);
    static final String BY = "practice";

    private static final Logger log = LoggerFactory.getLogger(Sittings.class);

    private final PracticeStore store;
    private final Programmes programmes;
    private final ExamDirectory exams;
    private final ExamResults results;
    private final AccountService accounts;
    private final Leaderboards leaderboards;
    private final PracticeCalendar calendar;
    private final TransactionTemplate tx;
    private final Clock clock;

    Sittings(PracticeStore store, Programmes programmes, ExamDirectory exams, ExamResults results, AccountService accounts,
            Leaderboards leaderboards, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.programmes = programmes;
        this.exams = exams;
        this.results = results;
        this.accounts = accounts;
        this.leaderboards = leaderboards;
        this.calendar = new PracticeCalendar(clock.getZone());
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    LocalDate calendarDay(Instant t) {
        return calendar.day(t);
    }

    /** Creates a programme and at once the sittings already due: this week's practice is there from the start. */
    PracticeStore.ProgrammeRow createProgramme(cn.arena.account.CurrentUser user, Programmes.NewProgramme request) {
        PracticeStore.ProgrammeRow p = programmes.create(user, request);
        prepare(p, clock.instant());
        return p;
    }

    record CalendarEntry(String period, @org.jspecify.annotations.Nullable Long examId, Instant windowStart, Instant windowEnd) {}

    record Month(List<CalendarEntry> weeks, CalendarEntry monthly) {}

    /** The weekly practices (the ISO weeks whose Monday falls in the month) and the contest of a month, made or not yet. */
    Month calendar(cn.arena.account.CurrentUser user, long programmeId, java.time.YearMonth month) {
        PracticeStore.ProgrammeRow p = programmes.visible(user, programmeId);
        Map<String, Long> made = new java.util.HashMap<>();
        store.exams(p.id()).forEach(e -> made.put(e.kind() + e.period(), e.examId()));
        List<CalendarEntry> weeks = PracticeCalendar.mondaysOf(month).stream().map(monday -> {
            String key = PracticeCalendar.weekKey(monday);
            PracticeCalendar.Window w = calendar.week(monday);
            return new CalendarEntry(key, made.get(Period.Kind.WEEK + key), w.start(), w.end());
        }).toList();
        PracticeCalendar.Window c = calendar.contest(month);
        return new Month(weeks, new CalendarEntry(month.toString(), made.get(Period.Kind.MONTH + month.toString()), c.start(), c.end()));
    }

    /** Everything due now, for every programme: make, enrol, release, award. */
    void catchUp() {
        Instant now = clock.instant();
        for (PracticeStore.ProgrammeRow p : store.programmes()) {
            try {
                prepare(p, now);
            } catch (RuntimeException e) {
                log.warn("Practice programme {}: could not make its sittings; retrying on the next run", p.id(), e);
            }
        }
        for (PracticeStore.ExamRow row : store.closedUnreleased(now)) {
            try {
                tx.executeWithoutResult(s -> release(row));
            } catch (RuntimeException e) {
                log.warn("Practice exam {}: could not release; retrying on the next run", row.examId(), e);
            }
        }
        LocalDate today = calendar.day(now);
        for (PracticeStore.ProgrammeRow p : store.programmes()) {
            try {
                tx.executeWithoutResult(s -> leaderboards.rankUnranked(p));
            } catch (RuntimeException e) {
                log.warn("Practice programme {}: could not rank its boards; retrying on the next run", p.id(), e);
            }
            try {
                tx.executeWithoutResult(s -> award(p, today));
            } catch (RuntimeException e) {
                log.warn("Practice programme {}: could not award titles; retrying on the next run", p.id(), e);
            }
        }
    }

    /** Makes the sittings due at {@code now} that do not exist yet, and enrols members who are not enrolled yet. */
    void prepare(PracticeStore.ProgrammeRow p, Instant now) {
        Set<String> made = new HashSet<>();
        List<PracticeStore.ExamRow> existing = store.exams(p.id());
        existing.forEach(e -> made.add(e.kind() + e.period()));
        List<Long> members = null;
        for (PracticeCalendar.Sitting s : calendar.due(p.year(), now, LEAD)) {
            if (made.contains(s.kind() + s.period())) {
                continue;
            }
            List<Section> sections = PracticePaper.sections(programmes.supply(p.bankIds()),
                    s.kind() == Period.Kind.WEEK ? p.rules().weekly().questions() : p.rules().monthly().questions());
            if (sections.isEmpty()) {
                continue;
            }
            int minutes = s.kind() == Period.Kind.WEEK ? p.rules().weekly().minutes() : p.rules().monthly().minutes();
            String title = p.name() + (s.kind() == Period.Kind.WEEK ? " · 周周练 " : " · 月月比 ") + s.period();
            tx.executeWithoutResult(status -> {
                long examId = exams.createPublished(new ExamDirectory.ScheduledExam(title, p.orgUnitId(), p.bankIds(),
                        s.window().start(), s.window().end(), minutes, sections), BY);
                store.insertExam(new PracticeStore.ExamRow(p.id(), s.kind(), s.period(), examId, s.window().start(), s.window().end(), null));
            });
        }
        for (PracticeStore.ExamRow e : store.exams(p.id())) {
            if (e.windowEnd().isAfter(now)) {
                if (members == null) {
                    members = programmes.members(p).stream().map(AccountService.UserSummary::id).toList();
                }
                Set<Long> enrolled = new HashSet<>(exams.enrolledUserIds(e.examId()));
                List<Long> missing = members.stream().filter(id -> !enrolled.contains(id)).toList();
                if (!missing.isEmpty()) {
                    exams.enrol(e.examId(), missing);
                }
            }
        }
    }

    /**
     * Releases a closed sitting once its attempts are all in and marked; then scores and wrong answers are kept, and
     * the period's boards (and for a contest the year's) are ranked in the same transaction, so a released score is
     * never off its board.
     */
    void release(PracticeStore.ExamRow row) {
        if (!results.releaseWhenMarked(row.examId(), BY) || !store.markReleased(row.examId(), clock.instant())) {
            return;
        }
        List<ReleasedScore> scores = results.released(row.examId());
        Map<Long, AccountService.UserSummary> who = accounts.findAll(scores.stream().map(ReleasedScore::userId).toList());
        for (ReleasedScore s : scores) {
            AccountService.UserSummary u = who.get(s.userId());
            store.insertScore(row.programmeId(), row.kind(), row.period(), s.userId(), u == null ? null : u.orgUnitId(), s.score());
        }
        List<Period> ranked = new java.util.ArrayList<>(List.of(Period.parse(row.kind(), row.period()).orElseThrow()));
        if (row.kind() == Period.Kind.MONTH) {
            Period year = Period.year(java.time.YearMonth.parse(row.period()).getYear());
            store.refreshYearTotals(row.programmeId(), year.key());
            ranked.add(year);
        }
        leaderboards.rank(store.programme(row.programmeId()).orElseThrow(), ranked);
        results.missed(row.examId()).forEach(m -> store.addMistake(row.programmeId(), m.userId(), m.questionId()));
    }

    /** Awards the titles of every period of the programme that is over and not yet awarded. */
    void award(PracticeStore.ProgrammeRow p, LocalDate today) {
        Instant now = clock.instant();
        for (int m = 1; m <= 12; m++) {
            Period month = Period.month(java.time.YearMonth.of(p.year(), m));
            if (Title.due(month, today) && store.claimTitlePeriod(p.id(), Title.DAILY_STAR, month.key())) {
                Title.dailyStars(store.studiedDayCounts(p.id(), month.first(), month.last()), month, p.rules())
                        .forEach(u -> store.insertTitle(p.id(), u, Title.DAILY_STAR, month.key(), now));
            }
        }
        List<PracticeStore.ExamRow> sittings = store.exams(p.id());
        for (PracticeStore.ExamRow e : sittings) {
            if (e.kind() == Period.Kind.WEEK && e.releasedAt() != null && store.claimTitlePeriod(p.id(), Title.WEEKLY_ACE, e.period())) {
                Title.withinTop(store.scores(p.id(), Period.Kind.WEEK, e.period(), false), PracticeStore.ScoreRow::score,
                        p.rules().weekly().aceTop()).forEach(s -> store.insertTitle(p.id(), s.userId(), Title.WEEKLY_ACE, e.period(), now));
            }
        }
        Period year = Period.year(p.year());
        boolean contestsReleased = sittings.stream().filter(e -> e.kind() == Period.Kind.MONTH).allMatch(e -> e.releasedAt() != null);
        if (Title.due(year, today) && contestsReleased && store.claimTitlePeriod(p.id(), Title.ANNUAL_TOP, year.key())) {
            Title.withinTop(Leaderboards.yearTotals(store.scores(p.id(), Period.Kind.MONTH, year.key() + "-", true)),
                    PracticeStore.ScoreRow::score, p.rules().annualTop())
                    .forEach(s -> store.insertTitle(p.id(), s.userId(), Title.ANNUAL_TOP, year.key(), now));
        }
    }

    /** A member submitted a weekly practice or monthly contest: they took part that day. */
    void tookPart(long examId, long userId, Instant at) {
        store.examById(examId).ifPresent(e -> store.insertActivity(e.programmeId(), userId, calendar.day(at)));
    }
}
