package cn.arena.org;

import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.shared.DemoMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo province on a demo start, once, after {@link OrgDemoData}: the 13 cities of 江苏省 by their real names with a few
 * of their counties each, and ten generated window staff in every field of seed 003's selection — every county, every
 * city's own level and the province's own level — so the Jiangsu HRSS 2020 template has people to enter.
 */
@Component
@Order(31)
class ProvinceDemoData implements ApplicationRunner {

    /** City → some of its counties (县/市/区), and the first four digits of its resident ID numbers. */
    private static final Map<String, List<String>> CITIES = new LinkedHashMap<>();
    private static final Map<String, String> AREA = new LinkedHashMap<>();
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明"};
    static final int PER_FIELD = 10;

    static {
        city("南京市", "3201", "玄武区", "秦淮区", "江宁区");
        city("无锡市", "3202", "江阴市", "宜兴市");
        city("徐州市", "3203", "沛县", "丰县", "邳州市");
        city("常州市", "3204", "溧阳市", "武进区");
        city("苏州市", "3205", "昆山市", "常熟市", "张家港市");
        city("南通市", "3206", "海门市", "如皋市");
        city("连云港市", "3207", "东海县", "灌云县");
        city("淮安市", "3208", "涟水县", "盱眙县");
        city("盐城市", "3209", "东台市", "建湖县");
        city("扬州市", "3210", "高邮市", "宝应县");
        city("镇江市", "3211", "丹阳市", "句容市");
        city("泰州市", "3212", "兴化市", "靖江市");
        city("宿迁市", "3213", "沭阳县", "泗阳县");
    }

    private static void city(String name, String area, String... counties) {
        CITIES.put(name, List.of(counties));
        AREA.put(name, area);
    }

    private final DemoMode demo;
    private final OrgTree tree;
    private final People people;

    ProvinceDemoData(DemoMode demo, OrgTree tree, People people) {
        this.demo = demo;
        this.tree = tree;
        this.people = people;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var province = tree.findByName(OrgDemoData.ROOT);
        if (!demo.isOn() || province.isEmpty() || tree.findByName("南京市").isPresent()) {
            return;
        }
        CurrentUser system = new CurrentUser(0, "system", "system", Set.of(Role.ADMIN), null, null, false);
        int[] sequence = {0};
        staff(system, province.get(), "3200", sequence);
        for (var city : CITIES.entrySet()) {
            long cityId = tree.findByName(city.getKey()).orElseGet(() -> tree.create(system, city.getKey(), OrgUnitKind.CITY, province.get()));
            staff(system, cityId, AREA.get(city.getKey()), sequence);
            for (String county : city.getValue()) {
                long countyId = tree.findByName(county).orElseGet(() -> tree.create(system, county, OrgUnitKind.COUNTY, cityId));
                staff(system, countyId, AREA.get(city.getKey()), sequence);
            }
        }
    }

    /** Ten generated front-desk staff of the unit, with valid, made-up ID numbers of the area and mobile numbers. */
    private void staff(CurrentUser system, long unitId, String area, int[] sequence) {
        for (int i = 0; i < PER_FIELD; i++) {
            int n = ++sequence[0];
            String birth = String.format("19%02d%02d%02d", 70 + n % 30, 1 + n % 12, 1 + n % 28);
            String first17 = area + String.format("%02d", n % 100) + birth + String.format("%03d", n % 1000);
            String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n / 16) % GIVEN.length] + GIVEN[(n / 3) % GIVEN.length];
            people.register(system, new People.NewPerson(name, first17 + IdNumber.checkCharacter(first17),
                    "1382000" + String.format("%04d", n), null, "FRONT_DESK", unitId));
        }
    }
}
