package cn.arena.practice;

import cn.arena.account.AccountService;
import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.bank.QuestionCatalog;
import cn.arena.org.OrgTree;
import cn.arena.org.People;
import cn.arena.shared.DemoMode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo programme, made once on a demo start so a newcomer sees a live dashboard: the demo bank for the demo
 * province this year, a login for every person of its roll, and about three months of generated study (each member
 * keener or lazier, from a fixed seed) with weekly practice scores, marked as demo data by its programme name.
 */
@Component
@Order(50)
class DemoPractice implements ApplicationRunner {

    static final String NAME = "日日学 · 周周练 · 月月比（演示）";
    private static final String ROOT = "江苏省";
    private static final String BANK = "政务服务技能竞赛题库（演示）";
    private static final int HISTORY_DAYS = 90;

    private static final Logger log = LoggerFactory.getLogger(DemoPractice.class);

    private final DemoMode demo;
    private final PracticeStore store;
    private final Sittings sittings;
    private final Programmes programmes;
    private final Leaderboards leaderboards;
    private final OrgTree tree;
    private final People people;
    private final QuestionCatalog catalog;
    private final Clock clock;

    DemoPractice(DemoMode demo, PracticeStore store, Sittings sittings, Programmes programmes, Leaderboards leaderboards,
            OrgTree tree, People people, QuestionCatalog catalog, Clock clock) {
        this.demo = demo;
        this.store = store;
        this.sittings = sittings;
        this.programmes = programmes;
        this.leaderboards = leaderboards;
        this.tree = tree;
        this.people = people;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isOn() || store.programmes().stream().anyMatch(p -> p.name().equals(NAME))) {
            return;
        }
        Optional<Long> root = tree.findByName(ROOT);
        Optional<Long> bank = catalog.findBankByName(BANK);
        if (root.isEmpty() || bank.isEmpty()) {
            log.info("Demo practice skipped: the demo province or bank is not there");
            return;
        }
        CurrentUser system = new CurrentUser(0, "system", "system", java.util.Set.of(Role.ADMIN), null, null, false);
        LocalDate today = sittings.calendarDay(clock.instant());
        int issued = people.issueAccounts(system, root.get()).size();
        PracticeStore.ProgrammeRow p = sittings.createProgramme(system,
                new Programmes.NewProgramme(NAME, root.get(), List.of(bank.get()), today.getYear(), null));
        List<AccountService.UserSummary> members = programmes.members(p);
        SplittableRandom random = new SplittableRandom(2026);
        LocalDate first = today.minusDays(HISTORY_DAYS).isBefore(LocalDate.of(p.year(), 1, 1)) ? LocalDate.of(p.year(), 1, 1)
                : today.minusDays(HISTORY_DAYS);
        for (AccountService.UserSummary m : members) {
            // About one in five never practises, so the never-practised list has someone to chase.
            double keenness = random.nextDouble() < 0.2 ? 0 : 0.3 + random.nextDouble() * 0.65;
            for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
                if (random.nextDouble() < keenness) {
                    store.insertStudiedDay(p.id(), m.id(), d);
                    store.insertActivity(p.id(), m.id(), d);
                }
            }
            for (LocalDate monday = PracticeCalendar.mondaysOf(YearMonth.from(first)).get(0); monday.plusWeeks(1).isBefore(today);
                    monday = monday.plusWeeks(1)) {
                if (random.nextDouble() < keenness) {
                    store.insertScore(p.id(), Period.Kind.WEEK, PracticeCalendar.weekKey(monday), m.id(), m.orgUnitId(),
                            BigDecimal.valueOf(40 + random.nextInt(13) * 5L));
                    store.insertActivity(p.id(), m.id(), monday.plusDays(random.nextInt(7)));
                }
            }
        }
        leaderboards.rankUnranked(p);
        log.info("Demo practice programme made: {} logins issued, {} members with {} days of generated history", issued, members.size(),
                java.time.temporal.ChronoUnit.DAYS.between(first, today));
    }
}
