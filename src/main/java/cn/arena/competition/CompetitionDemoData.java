package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.org.OrgTree;
import cn.arena.shared.DemoMode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo competition on a demo start, once: the Jiangyin 2021 competition from its template, owned by 江阴市 of the
 * org demo data, open for registration for 30 days, with one team (周庄镇) waiting for approval. The ID numbers are
 * made up, with valid check digits.
 */
@Component
@Order(40)
class CompetitionDemoData implements ApplicationRunner {

    private static final List<Registration.MemberEntry> ZHOUZHUANG = List.of(
            new Registration.MemberEntry("周晓梅", "320281198902141620", "13912000001", "0510-86211001", "COMMUNITY_STAFF"),
            new Registration.MemberEntry("钱志刚", "32028119920817243X", "13912000002", null, "COMMUNITY_STAFF"),
            new Registration.MemberEntry("孙文斌", "320281198605303718", "13912000003", null, "FRONT_DESK"),
            new Registration.MemberEntry("吴佳怡", "320281199401094584", "13912000004", null, "BACK_OFFICE"),
            new Registration.MemberEntry("郑海燕", "320281198111225166", "13912000005", "0510-86211005", "MANAGEMENT"));

    private final DemoMode demo;
    private final CompetitionStore store;
    private final Competitions competitions;
    private final Registration registration;
    private final OrgTree tree;
    private final Clock clock;

    CompetitionDemoData(DemoMode demo, CompetitionStore store, Competitions competitions, Registration registration, OrgTree tree,
            Clock clock) {
        this.demo = demo;
        this.store = store;
        this.competitions = competitions;
        this.registration = registration;
        this.tree = tree;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isOn() || !store.competitions().isEmpty()) {
            return;
        }
        var jiangyin = tree.findByName("江阴市");
        var zhouzhuang = tree.findByName("周庄镇为民服务中心");
        if (jiangyin.isEmpty() || zhouzhuang.isEmpty()) {
            return;
        }
        CurrentUser system = new CurrentUser(0, "system", "system", Set.of(Role.ADMIN), null, null, false);
        var competition = competitions.create(system, "jiangyin-2021", null, jiangyin.get(), clock.instant().plus(Duration.ofDays(30)));
        registration.register(system, competition.id(),
                new Registration.TeamEntry(zhouzhuang.get(), "仇淑婕", "0510-88027737", ZHOUZHUANG));
    }
}
