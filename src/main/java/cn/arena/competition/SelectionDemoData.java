package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.org.OrgTree;
import cn.arena.shared.DemoMode;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo selection on a demo start, once: the Jiangsu HRSS 2020 competition from its template, owned by 江苏省 of the org
 * demo data (13 cities, their counties and generated staff), with its entries open for 30 days.
 */
@Component
@Order(41)
class SelectionDemoData implements ApplicationRunner {

    private static final String TEMPLATE = "jiangsu-hrss-2020";

    private final DemoMode demo;
    private final CompetitionStore store;
    private final Competitions competitions;
    private final OrgTree tree;
    private final Clock clock;

    SelectionDemoData(DemoMode demo, CompetitionStore store, Competitions competitions, OrgTree tree, Clock clock) {
        this.demo = demo;
        this.store = store;
        this.competitions = competitions;
        this.tree = tree;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var province = tree.findByName("江苏省");
        if (!demo.isOn() || province.isEmpty() || store.competitions().stream().anyMatch(c -> c.templateCode().equals(TEMPLATE))) {
            return;
        }
        CurrentUser system = new CurrentUser(0, "system", "system", Set.of(Role.ADMIN), null, null, false);
        competitions.create(system, TEMPLATE, null, province.get(), clock.instant().plus(Duration.ofDays(30)));
    }
}
