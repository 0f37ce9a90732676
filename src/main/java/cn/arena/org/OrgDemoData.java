package cn.arena.org;

import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.shared.DemoMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo org tree on a demo start, once: Jiangyin (江阴市) as in the 2021 competition notice — its bureau, the two
 * development zones, town and street centres, sub-centres — and a few people with made-up but valid ID numbers.
 */
@Component
@Order(30)
class OrgDemoData implements ApplicationRunner {

    static final String ROOT = "江苏省";

    private record Unit(String name, OrgUnitKind kind, String parent) {}

    private static final List<Unit> UNITS = List.of(
            new Unit("无锡市", OrgUnitKind.CITY, ROOT),
            new Unit("江阴市", OrgUnitKind.COUNTY, "无锡市"),
            new Unit("江阴市行政审批局", OrgUnitKind.BUREAU, "江阴市"),
            new Unit("江阴高新区行政审批局", OrgUnitKind.DEV_ZONE, "江阴市"),
            new Unit("临港经济开发区行政审批局", OrgUnitKind.DEV_ZONE, "江阴市"),
            new Unit("澄江街道为民服务中心", OrgUnitKind.TOWN, "江阴市"),
            new Unit("南闸街道为民服务中心", OrgUnitKind.TOWN, "江阴市"),
            new Unit("周庄镇为民服务中心", OrgUnitKind.TOWN, "江阴市"),
            new Unit("华士镇为民服务中心", OrgUnitKind.TOWN, "江阴市"),
            new Unit("南门社区便民服务中心", OrgUnitKind.COMMUNITY, "澄江街道为民服务中心"),
            new Unit("江阴市不动产登记分中心", OrgUnitKind.SUB_CENTRE, "江阴市行政审批局"),
            new Unit("江阴市市场监管局窗口", OrgUnitKind.DEPARTMENT, "江阴市行政审批局"));

    /** Name, birth date and sequence (the check character is computed), staff category, unit. */
    private static final List<List<String>> PEOPLE = List.of(
            List.of("王芳", "19900307", "123", "COMMUNITY_STAFF", "澄江街道为民服务中心"),
            List.of("李强", "19851130", "331", "COMMUNITY_STAFF", "澄江街道为民服务中心"),
            List.of("张伟", "19920415", "214", "FRONT_DESK", "澄江街道为民服务中心"),
            List.of("刘洋", "19880621", "052", "COMMUNITY_STAFF", "周庄镇为民服务中心"),
            List.of("陈静", "19950902", "146", "COMMUNITY_STAFF", "周庄镇为民服务中心"),
            List.of("杨帆", "19870118", "273", "FRONT_DESK", "江阴市不动产登记分中心"),
            List.of("赵磊", "19911225", "391", "FRONT_DESK", "江阴市不动产登记分中心"),
            List.of("黄丽", "19930710", "428", "BACK_OFFICE", "江阴市市场监管局窗口"),
            List.of("周杰", "19830503", "515", "MANAGEMENT", "江阴市行政审批局"));

    private final DemoMode demo;
    private final OrgTree tree;
    private final People people;

    OrgDemoData(DemoMode demo, OrgTree tree, People people) {
        this.demo = demo;
        this.tree = tree;
        this.people = people;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isOn() || tree.findByName(ROOT).isPresent()) {
            return;
        }
        CurrentUser system = new CurrentUser(0, "system", "system", Set.of(Role.ADMIN), null, null, false);
        Map<String, Long> ids = new HashMap<>();
        ids.put(ROOT, tree.create(system, ROOT, OrgUnitKind.PROVINCE, null));
        for (Unit unit : UNITS) {
            ids.put(unit.name(), tree.create(system, unit.name(), unit.kind(), ids.get(unit.parent())));
        }
        int mobile = 0;
        for (List<String> p : PEOPLE) {
            String first17 = "320281" + p.get(1) + p.get(2);
            people.register(system, new People.NewPerson(p.get(0), first17 + IdNumber.checkCharacter(first17),
                    "1391000" + String.format("%04d", ++mobile), null, p.get(3), ids.get(p.get(4))));
        }
    }
}
