package cn.arena.competition;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Jiangsu HRSS 2020 selection run through the HTTP API from its template across a whole province: 13 cities with
 * 2–4 counties each, ten or more contestants in every field, refused entries, the province's paper sat in every city,
 * each city's selection as worked out by hand below, the provincial written round, the interview by a panel with a
 * recused judge, the composite, the awards and the regional and national teams.
 *
 * <p>The design, the same in every city {@code i} with every score lowered by {@code i}: county K1 sits 98, 94, 60, 48
 * (team 300), K2 96, 70, 65, 59 (290), K3 99, 40, 30, 20 (189), K4 91, 85, 64, 50 (290: equal to K2, whose best member
 * ranks higher); the city level 95, 93, 92, 89, 80 (slow), 80 (fast). So K1 and K2 go as teams; of the city's top 5,
 * the team members 98, 96 and 94 are skipped (递补) and the next in line come in: 2 counties → 95, 93, 92, 89 and the
 * faster 80; 3 counties → K3's 99, 95, 93, 92, 89; 4 counties → 99, 95, 93, 92 and K4's 91. The province level sits
 * 90 … 79: its best 10 go. Everyone else entered does not sit.
 */
class Jiangsu2020IT extends SelectionTest {

    private static final String[] CITIES = {"南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市", "淮安市", "盐城市", "扬州市",
            "镇江市", "泰州市", "宿迁市"};
    private static final int[] COUNTIES = {2, 3, 4, 2, 2, 2, 3, 2, 2, 2, 2, 2, 2};
    private static final int[][] COUNTY_SCORES = {{98, 94, 60, 48}, {96, 70, 65, 59}, {99, 40, 30, 20}, {91, 85, 64, 50}};
    private static final int[] CITY_LEVEL_SCORES = {95, 93, 92, 89, 80, 80};
    /** Interview offsets of judges J0..J6 from each contestant's base 80; J4 is of 南京 and recused for its 13. */
    private static final int[] JUDGE_OFFSETS = {-10, -2, -1, 0, 1, 2, 10};

    record Person(long id, String name, long unitId) {}


    @Test
    void runsTheJiangsu2020SelectionAcrossAWholeProvince() throws Exception {
        String tag = unique("苏");
        long province = orgUnit("江苏省人社厅" + tag, "PROVINCE", null);
        Api org = organizer(province);
        assertThat(org.get("/api/v1/competition-templates").json().get("items").toString()).contains("jiangsu-hrss-2020");

        // the tree and its people: 10 per county and city level, 12 at the province level, one more in 南京 to be excluded
        List<Long> cities = new ArrayList<>();
        List<List<Long>> counties = new ArrayList<>();
        List<List<String>> sheet = new ArrayList<>(List.of(List.of("姓名", "身份证号", "手机", "人员性质", "单位")));
        Map<Long, String> unitName = new LinkedHashMap<>();
        for (int i = 0; i < CITIES.length; i++) {
            long city = orgUnit(CITIES[i] + tag, "CITY", province);
            cities.add(city);
            unitName.put(city, CITIES[i] + tag);
            List<Long> mine = new ArrayList<>();
            for (int k = 0; k < COUNTIES[i]; k++) {
                String name = CITIES[i].substring(0, 2) + "县" + (k + 1) + tag;
                long county = orgUnit(name, "COUNTY", city);
                mine.add(county);
                unitName.put(county, name);
            }
            counties.add(mine);
        }
        unitName.put(province, "江苏省人社厅" + tag);
        unitName.forEach((unit, name) -> {
            int people = unit == province ? 12 : unit.equals(cities.get(0)) ? 11 : 10;
            for (int p = 0; p < people; p++) {
                sheet.add(List.of(name.substring(0, 2) + "选手" + p + "号" + unit, CompetitionFixtures.idNumber(), CompetitionFixtures.mobile(),
                        "窗口前台工作人员", name));
            }
        });
        var imported = admin().upload("/api/v1/people/import", Api.xlsx(sheet));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        Map<Long, List<Person>> peopleOf = new HashMap<>();
        for (long unit : unitName.keySet()) {
            List<Person> found = new ArrayList<>();
            for (JsonNode p : admin().post("/api/v1/people/search", obj("orgUnitId", unit)).json().get("items")) {
                if (p.get("orgUnitId").asLong() == unit) {
                    found.add(new Person(p.get("id").asLong(), p.get("name").asString(), unit));
                }
            }
            found.sort(java.util.Comparator.comparing(Person::id));
            peopleOf.put(unit, found);
        }
        Map<Long, String> idNumberOf = new HashMap<>();
        for (List<String> row : sheet.subList(1, sheet.size())) {
            peopleOf.values().stream().flatMap(List::stream).filter(p -> p.name().equals(row.get(0))).findFirst()
                    .ifPresent(p -> idNumberOf.put(p.id(), row.get(1)));
        }

        var created = org.post("/api/v1/competitions", obj("template", "jiangsu-hrss-2020", "name", "2020年度全省人社系统练兵比武" + tag,
                "orgUnitId", province, "registrationDeadline", OffsetDateTime.now(ZoneOffset.UTC).plusDays(20).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long competition = created.id();
        Map<String, Long> stage = new HashMap<>();
        created.json().get("stages").forEach(s -> stage.put(s.get("code").asString(), s.get("id").asLong()));
        assertThat(stage).containsOnlyKeys("city", "province-written", "province-interview", "regional", "national");

        // the ineligibility list: a broken sheet changes nothing; the good one lists 南京's 11th person
        Person excluded = peopleOf.get(cities.get(0)).get(10);
        var broken = org.upload("/api/v1/competitions/" + competition + "/exclusions/import", Api.xlsx(List.of(
                List.of("姓名", "身份证号", "原因"), List.of(excluded.name(), idNumberOf.get(excluded.id()), "2019年全国赛替补选手"),
                List.of("李四", "320281199001011234", ""))));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.json().get("errors").toString()).contains("\"row\":3");
        assertThat(org.get("/api/v1/competitions/" + competition + "/exclusions").json().get("items")).isEmpty();
        var listed = org.upload("/api/v1/competitions/" + competition + "/exclusions/import", Api.xlsx(List.of(
                List.of("姓名", "身份证号", "原因"), List.of(excluded.name(), idNumberOf.get(excluded.id()), "2019年全国赛替补选手"),
                List.of("赵六", CompetitionFixtures.idNumber(), "2019年全国人社法治知识竞赛决赛选手"))));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
        assertThat(listed.json().get("imported").asInt()).isEqualTo(2);

        // entries: each city's organizer enters its own people, the province its own level; refusals on the way
        List<Api> cityOrg = new ArrayList<>();
        for (long city : cities) {
            cityOrg.add(organizer(city));
        }
        Person lastEntered = null;
        for (int i = 0; i < cities.size(); i++) {
            List<Long> fields = new ArrayList<>(List.of(cities.get(i)));
            fields.addAll(counties.get(i));
            for (long unit : fields) {
                for (Person p : peopleOf.get(unit).subList(0, 10)) {
                    if (i == CITIES.length - 1 && unit == fields.get(fields.size() - 1) && p == peopleOf.get(unit).get(9)) {
                        lastEntered = p;
                        continue;
                    }
                    enter(cityOrg.get(i), competition, p.id());
                }
            }
        }
        for (Person p : peopleOf.get(province)) {
            enter(org, competition, p.id());
        }
        assertRefused(cityOrg.get(0).post("/api/v1/competitions/" + competition + "/contestants", obj("personId", excluded.id())), "EXCLUDED");
        Person nanjing0 = peopleOf.get(cities.get(0)).get(0);
        assertRefused(cityOrg.get(0).post("/api/v1/competitions/" + competition + "/contestants", obj("personId", nanjing0.id())), "ALREADY_ENTERED");
        assertThat(cityOrg.get(1).post("/api/v1/competitions/" + competition + "/contestants", obj("personId", nanjing0.id())).status())
                .isEqualTo(404);
        assertThat(cityOrg.get(1).delete("/api/v1/competitions/" + competition + "/contestants/" + nanjing0.id()).status()).isEqualTo(404);
        assertThat(cityOrg.get(1).get("/api/v1/competitions/" + competition + "/contestants?orgUnitId=" + cities.get(0)).status()).isEqualTo(404);
        JsonNode wuxi = cityOrg.get(1).get("/api/v1/competitions/" + competition + "/contestants").json().get("items");
        assertThat(wuxi).hasSize(40);
        assertThat(wuxi.toString()).doesNotContain(CITIES[0] + tag).doesNotContain(idNumberOf.get(wuxi.get(0).get("personId").asLong()));
        assertThat(wuxi.get(0).get("idNumber").asString()).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
        assertThat(wuxi.get(0).get("field").get("level").asString()).isEqualTo("CITY");
        assertThat(wuxi.get(10).get("field").get("level").asString()).isEqualTo("COUNTY");
        // a withdrawal and a second entry
        Person wuxi0 = peopleOf.get(cities.get(1)).get(0);
        assertThat(cityOrg.get(1).delete("/api/v1/competitions/" + competition + "/contestants/" + wuxi0.id()).status()).isEqualTo(204);
        enter(cityOrg.get(1), competition, wuxi0.id());

        // 宿迁's last county is one short: closing names it and its count, and closes nothing
        var tooFew = org.post("/api/v1/competitions/" + competition + "/entries/close", null);
        assertThat(tooFew.status()).isEqualTo(422);
        assertThat(tooFew.json().get("errors")).hasSize(1);
        assertThat(tooFew.json().get("errors").get(0).get("rule").asString()).isEqualTo("FIELD_MINIMUM");
        assertThat(tooFew.json().get("errors").get(0).get("message").asString()).contains(unitName.get(counties.get(12).get(1))).contains("9");
        assertThat(cityOrg.get(0).post("/api/v1/competitions/" + competition + "/entries/close", null).status()).isEqualTo(404);
        moveClock(Duration.ofDays(21));
        assertThat(as(user("ORGANIZER", cities.get(12))).post("/api/v1/competitions/" + competition + "/contestants", obj("personId", lastEntered.id())).status())
                .isEqualTo(409);
        moveClock(Duration.ofDays(-21));
        enter(cityOrg.get(12), competition, lastEntered.id());
        assertThat(org.post("/api/v1/competitions/" + competition + "/entries/close", null).status()).isEqualTo(200);
        assertThat(cityOrg.get(0).post("/api/v1/competitions/" + competition + "/contestants", obj("personId", excluded.id())).status())
                .isEqualTo(409);

        // the city round: one paper by the province, sat in every city; a city may use it, never publish or release it
        long bank = binaryBank(org);
        long cityExam = binaryExam(org, bank, "设区市选拔赛统一笔试");
        assertThat(cityOrg.get(0).post("/api/v1/exams/" + cityExam + "/publish", null).status()).isIn(403, 404);
        assertThat(org.post("/api/v1/exams/" + cityExam + "/publish", null).status()).isLessThan(300);
        Map<Long, JsonNode> accounts = new HashMap<>();
        for (int i = 0; i < cities.size(); i++) {
            assertThat(cityOrg.get(i).post("/api/v1/stages/" + stage.get("city") + "/sittings", obj("examId", cityExam, "orgUnitId",
                    cities.get((i + 1) % cities.size()))).status()).isIn(404, 422);
            var sitting = cityOrg.get(i).post("/api/v1/stages/" + stage.get("city") + "/sittings", obj("examId", cityExam, "orgUnitId", cities.get(i)));
            assertThat(sitting.status()).as(sitting.toString()).isEqualTo(201);
            assertThat(sitting.json().get("enrolled").asInt()).isEqualTo(10 * (1 + COUNTIES[i]));
            sitting.json().get("accounts").forEach(a -> accounts.put(a.get("personId").asLong(), a));
        }
        var provinceSitting = org.post("/api/v1/stages/" + stage.get("city") + "/sittings", obj("examId", cityExam, "orgUnitId", province));
        assertThat(provinceSitting.json().get("enrolled").asInt()).isEqualTo(12);
        provinceSitting.json().get("accounts").forEach(a -> accounts.put(a.get("personId").asLong(), a));

        Map<Integer, List<Long>> expectedPerCity = new HashMap<>();
        Map<Integer, List<Long>> expectedSkipped = new HashMap<>();
        Map<Integer, List<List<Long>>> expectedTeams = new HashMap<>();
        for (int i = 0; i < cities.size(); i++) {
            List<List<Long>> team = new ArrayList<>();
            List<Long> countySitters = new ArrayList<>();
            for (int k = 0; k < COUNTIES[i]; k++) {
                List<Person> county = peopleOf.get(counties.get(i).get(k));
                List<Long> four = new ArrayList<>();
                for (int m = 0; m < 4; m++) {
                    sitAs(accounts.get(county.get(m).id()), county.get(m).id(), cityExam, COUNTY_SCORES[k][m] - i, false);
                    four.add(county.get(m).id());
                }
                team.add(four);
                countySitters.addAll(four);
            }
            List<Person> level = peopleOf.get(cities.get(i));
            for (int m = 0; m < CITY_LEVEL_SCORES.length; m++) {
                sitAs(accounts.get(level.get(m).id()), level.get(m).id(), cityExam, CITY_LEVEL_SCORES[m] - i, m == 4);
            }
            expectedTeams.put(i, List.of(team.get(0), team.get(1)));
            expectedSkipped.put(i, List.of(team.get(0).get(0), team.get(1).get(0), team.get(0).get(1)));
            List<Long> individuals = switch (COUNTIES[i]) {
                case 2 -> List.of(level.get(0).id(), level.get(1).id(), level.get(2).id(), level.get(3).id(), level.get(5).id());
                case 3 -> List.of(team.get(2).get(0), level.get(0).id(), level.get(1).id(), level.get(2).id(), level.get(3).id());
                default -> List.of(team.get(2).get(0), level.get(0).id(), level.get(1).id(), level.get(2).id(), team.get(3).get(0));
            };
            expectedPerCity.put(i, individuals);
        }
        List<Person> provinceLevel = peopleOf.get(province);
        for (int m = 0; m < 12; m++) {
            sitAs(accounts.get(provinceLevel.get(m).id()), provinceLevel.get(m).id(), cityExam, 90 - m, false);
        }
        release(org, cityExam);

        // selection: 13 × 13 + 10 = 179, per city as designed
        var advanced = org.post("/api/v1/stages/" + stage.get("city") + "/advance", null);
        assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
        assertThat(advanced.json().get("advanced")).hasSize(179);
        JsonNode selection = org.get("/api/v1/stages/" + stage.get("city") + "/selection").json();
        assertThat(selection.get("cities")).hasSize(13);
        for (int i = 0; i < cities.size(); i++) {
            JsonNode city = selection.get("cities").get(i);
            assertThat(city.get("orgUnitId").asLong()).isEqualTo(cities.get(i));
            assertThat(ids(city.get("teams").get(0).get("members"))).isEqualTo(expectedTeams.get(i).get(0));
            assertThat(ids(city.get("teams").get(1).get("members"))).isEqualTo(expectedTeams.get(i).get(1));
            assertThat(city.get("teams").get(0).get("score").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(300 - 4L * i));
            assertThat(city.get("teams").get(1).get("score").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(290 - 4L * i));
            assertThat(ids(city.get("individuals"))).as(CITIES[i]).isEqualTo(expectedPerCity.get(i));
            assertThat(ids(city.get("skipped"))).as(CITIES[i]).containsExactlyInAnyOrderElementsOf(expectedSkipped.get(i));
        }
        assertThat(ids(selection.get("province"))).isEqualTo(provinceLevel.subList(0, 10).stream().map(Person::id).toList());
        JsonNode wuxiSelection = cityOrg.get(1).get("/api/v1/stages/" + stage.get("city") + "/selection").json();
        assertThat(wuxiSelection.get("cities")).hasSize(1);
        assertThat(wuxiSelection.get("province")).isEmpty();

        // the provincial written round: everyone selected, one sitting with no unit; each scores as in the city round
        long provinceExam = binaryExam(org, bank, "全省选拔赛笔试");
        org.post("/api/v1/exams/" + provinceExam + "/publish", null);
        var written = org.post("/api/v1/stages/" + stage.get("province-written") + "/sittings", obj("examId", provinceExam));
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        assertThat(written.json().get("enrolled").asInt()).isEqualTo(179);
        List<Long> selected = ids(advanced.json().get("advanced"));
        for (long person : selected) {
            sitAs(null, person, provinceExam, cityScore.get(person), false);
        }
        release(org, provinceExam);
        assertThat(org.post("/api/v1/stages/" + stage.get("city") + "/advance", null).status()).isEqualTo(409);

        // the interview: 7 judges, J4 of 南京 is recused for 南京's 13; a non-judge may not score
        List<String> judges = new ArrayList<>();
        for (int j = 0; j < 7; j++) {
            judges.add(user("JUDGE", j == 4 ? cities.get(0) : j == 5 ? province : null));
        }
        var panel = org.post("/api/v1/stages/" + stage.get("province-interview") + "/judges", obj("usernames", judges));
        assertThat(panel.status()).as(panel.toString()).isEqualTo(200);
        List<Api> judge = judges.stream().map(u -> Api.bearer(port, token(u, PASSWORD))).toList();
        long nanjingFirst = expectedTeams.get(0).get(0).get(0);
        assertThat(as(user("JUDGE")).put("/api/v1/stages/" + stage.get("province-interview") + "/scores/" + nanjingFirst, obj("points", 80)).status())
                .isEqualTo(403);
        var recused = judge.get(4).put("/api/v1/stages/" + stage.get("province-interview") + "/scores/" + nanjingFirst, obj("points", 81));
        assertThat(recused.status()).isEqualTo(409);
        assertThat(recused.json().get("errors").get(0).get("rule").asString()).isEqualTo("RECUSAL");
        assertThat(judge.get(0).put("/api/v1/stages/" + stage.get("province-interview") + "/scores/" + nanjingFirst, obj("points", 101)).status())
                .isEqualTo(422);
        JsonNode session = judge.get(4).get("/api/v1/stages/" + stage.get("province-interview") + "/interview").json();
        assertThat(session.get("contestants")).hasSize(179);
        assertThat(session.get("contestants").get(0).get("recused").asBoolean()).isTrue();
        Set<Long> nanjingSelected = new HashSet<>(expectedPerCity.get(0));
        expectedTeams.get(0).forEach(nanjingSelected::addAll);
        for (long person : selected) {
            boolean nanjing = nanjingSelected.contains(person);
            for (int j = 0; j < 7; j++) {
                if (j == 4 && nanjing) {
                    continue;
                }
                var scored = judge.get(j).put("/api/v1/stages/" + stage.get("province-interview") + "/scores/" + person,
                        obj("points", 80 + JUDGE_OFFSETS[j]));
                assertThat(scored.status()).as(scored.toString()).isEqualTo(204);
            }
        }
        // closed panel: a change needs a reason
        assertThat(org.post("/api/v1/stages/" + stage.get("province-interview") + "/panel/close", null).status()).isEqualTo(204);
        long provinceFirst = provinceLevel.get(0).id();
        assertThat(judge.get(6).put("/api/v1/stages/" + stage.get("province-interview") + "/scores/" + provinceFirst, obj("points", 95)).status())
                .isEqualTo(422);
        assertThat(judge.get(6).put("/api/v1/stages/" + stage.get("province-interview") + "/scores/" + provinceFirst,
                obj("points", 89, "reason", "仲裁组复核后更正")).status()).isEqualTo(204);

        // composite = 30 % city + 30 % province written + 40 % interview; 南京's interview is 79.75 (J4 recused)
        JsonNode composite = org.get("/api/v1/competitions/" + competition + "/composite").json();
        assertThat(composite.get("individuals")).hasSize(179);
        Map<Long, JsonNode> row = new HashMap<>();
        composite.get("individuals").forEach(r -> row.put(r.get("personId").asLong(), r));
        long wuxiK3 = expectedPerCity.get(1).get(0);
        long wuxiK1 = expectedTeams.get(1).get(0).get(0);
        long xuzhouK3 = expectedPerCity.get(2).get(0);
        assertThat(row.get(wuxiK3).get("composite").decimalValue()).isEqualByComparingTo("90.80");      // 0.6 × 98 + 0.4 × 80
        assertThat(row.get(wuxiK3).get("rank").asInt()).isEqualTo(1);
        assertThat(row.get(nanjingFirst).get("composite").decimalValue()).isEqualByComparingTo("90.70"); // 0.6 × 98 + 0.4 × 79.75
        assertThat(row.get(nanjingFirst).get("parts").get("interview").decimalValue()).isEqualByComparingTo("79.75");
        assertThat(row.get(nanjingFirst).get("rank").asInt()).isEqualTo(2);
        assertThat(row.get(wuxiK1).get("rank").asInt()).isEqualTo(3);                                    // 90.20, shared
        assertThat(row.get(xuzhouK3).get("rank").asInt()).isEqualTo(3);                                  // 90.20, shared
        // 0.6 × 90 + 0.4 × 80: J6's changed 89 is still the highest, and dropped
        assertThat(row.get(provinceFirst).get("composite").decimalValue()).isEqualByComparingTo("86.00");
        JsonNode firstCounty = composite.get("counties").get(0);
        assertThat(firstCounty.get("orgUnitId").asLong()).isEqualTo(counties.get(0).get(0));
        assertThat(firstCounty.get("score").decimalValue()).isEqualByComparingTo("307.60");             // 0.6 × 300 + 4 × 31.9
        assertThat(composite.get("cities")).extracting(c -> c.get("orgUnitId").asLong()).startsWith(cities.get(1), cities.get(0), cities.get(2));
        assertThat(composite.get("cities").get(0).get("score").decimalValue()).isEqualByComparingTo("1043.00");

        // a city's organizer sees its own city's results only, ranked across the province
        JsonNode wuxiComposite = cityOrg.get(1).get("/api/v1/competitions/" + competition + "/composite").json();
        assertThat(wuxiComposite.get("individuals")).hasSize(13);
        assertThat(wuxiComposite.get("individuals").toString()).doesNotContain("\"personId\":" + nanjingFirst + ",");
        assertThat(wuxiComposite.get("counties")).hasSize(2);
        assertThat(wuxiComposite.get("cities")).hasSize(1);
        assertThat(wuxiComposite.get("cities").get(0).get("rank").asInt()).isEqualTo(1);

        // awards: titles overlap; equal ranks share
        JsonNode awards = org.get("/api/v1/competitions/" + competition + "/awards").json();
        assertThat(holders(awards.get("individual"), "LABOUR_MEDAL")).containsExactly(wuxiK3);
        assertThat(holders(awards.get("individual"), "TECH_EXPERT")).containsExactly(wuxiK3, nanjingFirst);
        assertThat(holders(awards.get("individual"), "INNOVATION_EXPERT")).containsExactlyInAnyOrder(nanjingFirst, wuxiK1, xuzhouK3);
        assertThat(holders(awards.get("individual"), "ZHISHITONG")).hasSizeGreaterThanOrEqualTo(10).contains(wuxiK3, nanjingFirst);
        assertThat(awards.get("organisations").get(0).get("award").asString()).isEqualTo("FIRST");
        assertThat(awards.get("organisations").get(0).get("orgUnitId").asLong()).isEqualTo(cities.get(1));
        assertThat(awards.get("team").get(0).get("orgUnitId").asLong()).isEqualTo(counties.get(0).get(0));
        assertThat(awards.get("team")).filteredOn(t -> t.get("award").asString().equals("FIRST")).hasSize(2);

        // regional: 南京 K1's four with one alternate; national: four of 无锡 and the best composite not among them
        var regional = org.post("/api/v1/stages/" + stage.get("regional") + "/team", obj("alternate", expectedTeams.get(0).get(0).get(3)));
        assertThat(regional.status()).as(regional.toString()).isEqualTo(200);
        assertThat(ids(regional.json().get("members"))).isEqualTo(expectedTeams.get(0).get(0));
        assertThat(org.post("/api/v1/stages/" + stage.get("regional") + "/team", obj("alternate", wuxiK3)).status()).isEqualTo(422);
        List<Long> wuxiFour = expectedTeams.get(1).get(0);
        var national = org.post("/api/v1/stages/" + stage.get("national") + "/team", obj("cityMembers", wuxiFour));
        assertThat(ids(national.json().get("members"))).containsExactly(wuxiFour.get(0), wuxiFour.get(1), wuxiFour.get(2), wuxiFour.get(3), wuxiK3);
        List<Long> withTheFirst = List.of(wuxiK3, wuxiFour.get(0), wuxiFour.get(1), wuxiFour.get(2));
        var replaced = org.post("/api/v1/stages/" + stage.get("national") + "/team", obj("cityMembers", withTheFirst));
        assertThat(ids(replaced.json().get("members"))).endsWith(nanjingFirst);
        var mixed = org.post("/api/v1/stages/" + stage.get("national") + "/team", obj("cityMembers",
                List.of(wuxiK3, wuxiFour.get(0), wuxiFour.get(1), nanjingFirst)));
        assertRefused(mixed, "ONE_CITY");
    }

    private void enter(Api organizer, long competition, long personId) {
        var entered = organizer.post("/api/v1/competitions/" + competition + "/contestants", obj("personId", personId));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
    }

    private static void assertRefused(Api.Response response, String rule) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("errors")).extracting(e -> e.get("rule").asString()).contains(rule);
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    private static List<Long> holders(JsonNode awards, String award) {
        List<Long> out = new ArrayList<>();
        awards.forEach(a -> {
            if (a.get("award").asString().equals(award)) {
                out.add(a.get("personId").asLong());
            }
        });
        return out;
    }

}
