package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.org.IdNumber;
import cn.arena.org.OrgTree;
import cn.arena.org.OrgUnitKind;
import cn.arena.shared.DemoMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo live final on a demo start, once: a second Jiangyin 2021 competition of 江阴市 (the first one stays open for
 * registration) whose eight teams — eight units of the org demo data, five made-up members each, approved — are placed
 * straight into its final (the demo skips the preliminary's exam), with their first three members named finalists
 * and the demo judges on the panel. The live module then loads its question set, so the host console opens on a
 * final ready to START. The ID numbers are made up, with valid check digits.
 */
@Component
@Order(42)
class LiveFinalDemoData implements ApplicationRunner {

    static final List<String> UNITS = List.of("澄江街道为民服务中心", "南闸街道为民服务中心", "周庄镇为民服务中心", "华士镇为民服务中心",
            "江阴高新区行政审批局", "临港经济开发区行政审批局", "江阴市不动产登记分中心", "江阴市市场监管局窗口");
    static final List<String> JUDGES = List.of("demo-judge-1", "demo-judge-2", "demo-judge-3", "demo-judge-4", "demo-judge-5");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋艳杰娟涛明超秀霞平刚桂英华玲";

    private final DemoMode demo;
    private final CompetitionStore store;
    private final Competitions competitions;
    private final Registration registration;
    private final StageJudges judges;
    private final OrgTree tree;
    private final Clock clock;

    LiveFinalDemoData(DemoMode demo, CompetitionStore store, Competitions competitions, Registration registration, StageJudges judges,
            OrgTree tree, Clock clock) {
        this.demo = demo;
        this.store = store;
        this.competitions = competitions;
        this.registration = registration;
        this.judges = judges;
        this.tree = tree;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isOn() || store.competitions().stream().anyMatch(c -> c.name().equals(LiveFinals.DEMO_COMPETITION))) {
            return;
        }
        Optional<Long> jiangyin = tree.findByName("江阴市");
        List<OrgTree.OrgUnit> units = UNITS.stream().flatMap(name -> tree.findByName(name).flatMap(tree::find).stream()).toList();
        if (jiangyin.isEmpty() || units.size() != UNITS.size()) {
            return;
        }
        CurrentUser system = new CurrentUser(0, "system", "system", Set.of(Role.ADMIN), null, null, false);
        var competition = competitions.create(system, "jiangyin-2021", LiveFinals.DEMO_COMPETITION, jiangyin.get(),
                clock.instant().plus(Duration.ofDays(1)));
        CompetitionStore.StageRow fin = competition.stage(competition.rules().advancement().to());
        List<Long> teams = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            OrgTree.OrgUnit unit = units.get(u);
            var team = registration.register(system, competition.id(), new Registration.TeamEntry(unit.id(), name(u, 5), "0510-8602" + (7700 + u),
                    members(u, unit.kind())));
            registration.approve(system, team.id());
            teams.add(team.id());
        }
        store.replaceStageTeams(fin.id(), teams);
        for (long team : teams) {
            store.replaceFinalists(fin.id(), team, store.members(team).stream().limit(3).map(CompetitionStore.MemberRow::personId).toList());
        }
        judges.appoint(system, fin.id(), JUDGES);
    }

    /** Five members meeting the Jiangyin rule for a unit of this kind (towns and development zones: community staff). */
    private static List<Registration.MemberEntry> members(int unit, OrgUnitKind kind) {
        boolean town = kind == OrgUnitKind.TOWN || kind == OrgUnitKind.DEV_ZONE;
        List<String> categories = town ? List.of("COMMUNITY_STAFF", "COMMUNITY_STAFF", "FRONT_DESK", "BACK_OFFICE", "MANAGEMENT")
                : List.of("FRONT_DESK", "FRONT_DESK", "BACK_OFFICE", "COMMUNITY_STAFF", "MANAGEMENT");
        List<Registration.MemberEntry> members = new ArrayList<>();
        for (int m = 0; m < categories.size(); m++) {
            int n = unit * 5 + m;
            String birth = LocalDate.of(1982, 3, 1).plusDays(n * 97L).format(DateTimeFormatter.BASIC_ISO_DATE);
            String body = "320281" + birth + String.format("%03d", 600 + n);
            members.add(new Registration.MemberEntry(name(unit, m), body + IdNumber.checkCharacter(body), "1391300" + String.format("%04d", n),
                    null, categories.get(m)));
        }
        return members;
    }

    private static String name(int unit, int member) {
        int n = unit * 6 + member;
        return "" + SURNAMES.charAt(n % SURNAMES.length()) + GIVEN.charAt((n * 7) % GIVEN.length()) + GIVEN.charAt((n * 3 + 1) % GIVEN.length());
    }
}
