package cn.arena.competition;

import static cn.arena.competition.CompetitionFixtures.idNumber;
import static cn.arena.competition.CompetitionFixtures.member;
import static cn.arena.competition.CompetitionFixtures.team;
import static cn.arena.competition.CompetitionFixtures.validMembers;
import static cn.arena.competition.CompetitionFixtures.withBadCheckDigit;
import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Jiangyin 2021 competition run end to end through the HTTP API from its template: 30 units register (and
 * registrations breaking each rule are refused), two sittings of the written preliminary are sat by the issued
 * accounts, marked and released, teams rank with the member tie-break, the top 8 (with a shared 8th place: 9) advance,
 * finalists are named, the final is scored by hand, and the award lists are the ones worked out by hand below.
 */
class Jiangyin2021IT extends CompetitionTest {

    /** Unit kinds of teams T0..T29, the seed's mix: DEV_ZONE ×2, TOWN ×16, SUB_CENTRE ×4, DEPARTMENT ×8. */
    private static final String[] KINDS = {"TOWN", "DEV_ZONE", "SUB_CENTRE", "DEPARTMENT", "TOWN", "DEPARTMENT", "TOWN", "TOWN",
            "DEPARTMENT", "TOWN", "SUB_CENTRE", "DEV_ZONE",
            "TOWN", "TOWN", "TOWN", "TOWN", "TOWN", "TOWN", "TOWN", "TOWN", "TOWN", "TOWN", "TOWN",
            "SUB_CENTRE", "SUB_CENTRE", "DEPARTMENT", "DEPARTMENT", "DEPARTMENT", "DEPARTMENT", "DEPARTMENT"};

    /**
     * Preliminary score of each member (null: did not sit), 20 true/false items of 5 points. Worked out by hand:
     * totals T0 365, T1 345, T2 330 and T3 330 (T2 ahead: equal best 85, better second-best 80 > 75), T4 320, T5 310,
     * T6 300, T7 265 and T8 265 (identical members: shared 8th), T9 265 (loses on the fourth-best, 50 < 55: 10th),
     * T10 220 (one absent), T12..T29 210 each (shared 12th), T11 150 (two absent, 30th).
     */
    private static final Integer[][] SCORES = {
            {100, 90, 70, 55, 50}, {95, 80, 65, 55, 50}, {85, 80, 65, 50, 50}, {85, 75, 60, 55, 55}, {80, 75, 70, 50, 45},
            {75, 70, 65, 55, 45}, {70, 65, 60, 55, 50}, {55, 55, 55, 55, 45}, {55, 55, 55, 45, 55}, {55, 55, 55, 50, 50},
            {60, 55, 55, 50, null}, {50, null, null, 50, 50}};
    private static final Integer[] DEFAULT_SCORES = {45, 45, 40, 40, 40};

    private final Map<String, Integer> scoreOfId = new HashMap<>();

    @Test
    void runsTheJiangyin2021CompetitionFromTheTemplate() throws Exception {
        long city = orgUnit(unique("江阴市"), "COUNTY", null);
        String organizer = user("ORGANIZER", city);
        Api org = as(organizer);

        assertThat(org.get("/api/v1/competition-templates").json().get("items").toString()).contains("jiangyin-2021");
        var past = org.post("/api/v1/competitions", obj("template", "jiangyin-2021", "name", "过去", "orgUnitId", city,
                "registrationDeadline", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString()));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("registrationDeadline");

        var created = org.post("/api/v1/competitions", obj("template", "jiangyin-2021", "name", "2021年江阴市政务服务技能竞赛",
                "orgUnitId", city, "registrationDeadline", OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long competition = created.id();
        JsonNode stages = created.json().get("stages");
        assertThat(stages.get(0).get("code").asString()).isEqualTo("preliminary");
        assertThat(stages.get(0).get("kind").asString()).isEqualTo("WRITTEN");
        assertThat(stages.get(1).get("code").asString()).isEqualTo("final");
        assertThat(stages.get(1).get("kind").asString()).isEqualTo("LIVE_FINAL");
        long preliminary = stages.get(0).get("id").asLong();
        long fin = stages.get(1).get("id").asLong();

        JsonNode rules = org.get("/api/v1/competitions/" + competition).json().get("rules");
        assertThat(rules.get("team").get("size").asInt()).isEqualTo(5);
        assertThat(rules.get("advancement").get("rule").get("top").asInt()).isEqualTo(8);
        assertThat(rules.get("teamScore").get("aggregate").get("function").asString()).isEqualTo("SUM");

        // 30 units register: T0..T28 by the organizer, T29 by its unit contact uploading the filled registration form
        List<Long> units = new ArrayList<>();
        List<Long> teams = new ArrayList<>();
        List<List<String>> ids = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            units.add(orgUnit("单位T" + t + "-" + unique("u"), KINDS[t], city));
        }
        for (int t = 0; t < 29; t++) {
            List<Map<String, Object>> members = validMembers(KINDS[t]);
            var response = org.post("/api/v1/competitions/" + competition + "/teams", team(units.get(t), members));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            assertThat(response.json().get("status").asString()).isEqualTo("PENDING");
            teams.add(response.id());
            ids.add(members.stream().map(m -> (String) m.get("idNumber")).toList());
        }
        String contact = user("UNIT_CONTACT", units.get(29));
        var form = as(contact).get("/api/v1/competitions/" + competition + "/registration-form.xlsx");
        assertThat(form.status()).isEqualTo(200);
        List<String> formIds = List.of(idNumber(), idNumber(), idNumber(), idNumber(), idNumber());
        var imported = as(contact).upload("/api/v1/competitions/" + competition + "/teams/import", CompetitionFixtures.fill(form.body(), formIds),
                "报名表.xlsx", Map.of("orgUnitId", String.valueOf(units.get(29))));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        teams.add(imported.id());
        ids.add(formIds);

        refusals(org, competition, city, units, ids);

        // the organizer approves every team
        for (long team : teams) {
            var approved = org.post("/api/v1/teams/" + team + "/approve", null);
            assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        }
        JsonNode listed = org.get("/api/v1/competitions/" + competition + "/teams").json().get("items");
        assertThat(listed).hasSize(30);

        // two sittings of the preliminary, on two exams of one bank of 20 true/false items
        long bank = trueFalseBank(org, 20);
        long examA = exam(org, bank, 20, "初赛 第一场（高新区、临港、各镇街道）");
        long examB = exam(org, bank, 20, "初赛 第二场（各分中心、进驻部门窗口）");
        var sittingA = org.post("/api/v1/stages/" + preliminary + "/sittings", obj("examId", examA, "unitKinds", List.of("DEV_ZONE", "TOWN"),
                "rooms", List.of(obj("name", "第一会议室", "seats", 60), obj("name", "第四会议室", "seats", 40))));
        assertThat(sittingA.status()).as(sittingA.toString()).isEqualTo(201);
        assertThat(sittingA.json().get("enrolled").asInt()).isEqualTo(90);
        JsonNode firstSeat = sittingA.json().get("accounts").get(0);
        assertThat(firstSeat.get("room").asString()).isEqualTo("第一会议室");
        assertThat(firstSeat.get("seat").asInt()).isEqualTo(1);
        assertThat(sittingA.json().get("accounts").get(60).get("room").asString()).isEqualTo("第四会议室");
        var sittingB = org.post("/api/v1/stages/" + preliminary + "/sittings", obj("examId", examB, "unitKinds", List.of("SUB_CENTRE", "DEPARTMENT")));
        assertThat(sittingB.status()).as(sittingB.toString()).isEqualTo(201);
        assertThat(sittingB.json().get("enrolled").asInt()).isEqualTo(60);

        // who scores what: the table above, by ID number
        Map<Long, String> idOfPerson = new HashMap<>();
        for (JsonNode team : org.get("/api/v1/competitions/" + competition + "/teams").json().get("items")) {
            int t = teams.indexOf(team.get("id").asLong());
            for (int m = 0; m < 5; m++) {
                Integer[] row = t < SCORES.length ? SCORES[t] : DEFAULT_SCORES;
                scoreOfId.put(ids.get(t).get(m), row[m]);
            }
        }
        Map<String, Integer> scoreOfPerson = new HashMap<>();
        Map<Long, List<Long>> personsOfTeam = new HashMap<>();
        for (JsonNode team : org.get("/api/v1/competitions/" + competition + "/teams").json().get("items")) {
            int t = teams.indexOf(team.get("id").asLong());
            List<Long> persons = new ArrayList<>();
            for (int m = 0; m < 5; m++) {
                JsonNode member = team.get("members").get(m);
                persons.add(member.get("personId").asLong());
                Integer[] row = t < SCORES.length ? SCORES[t] : DEFAULT_SCORES;
                scoreOfPerson.put(String.valueOf(member.get("personId").asLong()), row[m]);
                idOfPerson.put(member.get("personId").asLong(), ids.get(t).get(m));
            }
            personsOfTeam.put(team.get("id").asLong(), persons);
        }

        // a candidate of the first sitting cannot sit the second sitting's exam
        JsonNode someone = sittingA.json().get("accounts").get(0);
        String token = token(someone.get("username").asString(), someone.get("initialPassword").asString());
        assertThat(Api.bearer(port, token).post("/api/v1/exams/" + examB + "/attempt", null).status()).isIn(404, 409, 403);

        for (var sitting : List.of(sittingA, sittingB)) {
            long exam = sitting == sittingA ? examA : examB;
            for (JsonNode account : sitting.json().get("accounts")) {
                Integer score = scoreOfPerson.get(String.valueOf(account.get("personId").asLong()));
                if (score != null) {
                    sit(account.get("username").asString(), account.get("initialPassword").asString(), exam, score / 5);
                }
            }
        }
        for (long exam : List.of(examA, examB)) {
            release(org, exam);
        }

        // standings of the preliminary
        JsonNode standings = org.get("/api/v1/stages/" + preliminary + "/standings").json();
        Map<Long, Integer> teamRank = new HashMap<>();
        for (JsonNode row : standings.get("teams")) {
            teamRank.put(row.get("teamId").asLong(), row.get("rank").isNull() ? null : row.get("rank").asInt());
        }
        Integer[] expectedRanks = new Integer[30];
        Integer[] designed = {1, 2, 3, 4, 5, 6, 7, 8, 8, 10, 11, 30};
        for (int t = 0; t < 30; t++) {
            expectedRanks[t] = t < designed.length ? designed[t] : 12;
        }
        for (int t = 0; t < 30; t++) {
            assertThat(teamRank.get(teams.get(t))).as("rank of T" + t).isEqualTo(expectedRanks[t]);
        }
        assertThat(standings.get("teams").get(0).get("score").decimalValue()).isEqualByComparingTo("365");
        assertThat(standings.get("individuals")).hasSize(150);
        long absent = 0;
        for (JsonNode row : standings.get("individuals")) {
            if (row.get("absent").asBoolean()) {
                absent++;
                assertThat(row.get("score").isNull()).isTrue();
                assertThat(row.get("rank").isNull()).isTrue();
            }
        }
        assertThat(absent).isEqualTo(3);

        // advancement: the top 8, and with T7 and T8 sharing 8th place, both: nine teams
        var advanced = org.post("/api/v1/stages/" + preliminary + "/advance", null);
        assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
        List<Long> advancedIds = new ArrayList<>();
        advanced.json().get("advanced").forEach(n -> advancedIds.add(n.asLong()));
        assertThat(advancedIds).containsExactlyInAnyOrderElementsOf(teams.subList(0, 9));
        assertThat(org.post("/api/v1/stages/" + preliminary + "/advance", null).status()).isEqualTo(200);
        JsonNode afterAdvance = org.get("/api/v1/stages/" + preliminary + "/standings").json().get("teams");
        for (JsonNode row : afterAdvance) {
            assertThat(row.get("advanced").asBoolean()).isEqualTo(teams.indexOf(row.get("teamId").asLong()) < 9);
        }

        // finalists: three of each advancing team
        long t0 = teams.get(0);
        List<Long> t0people = personsOfTeam.get(t0);
        assertThat(org.put("/api/v1/stages/" + fin + "/teams/" + t0 + "/members", obj("personIds", t0people.subList(0, 2))).status()).isEqualTo(422);
        assertThat(org.put("/api/v1/stages/" + fin + "/teams/" + t0 + "/members",
                obj("personIds", List.of(t0people.get(0), t0people.get(1), personsOfTeam.get(teams.get(1)).get(0)))).status()).isEqualTo(422);
        assertThat(org.put("/api/v1/stages/" + fin + "/teams/" + teams.get(9) + "/members",
                obj("personIds", personsOfTeam.get(teams.get(9)).subList(0, 3))).status()).isEqualTo(409);
        for (long team : teams.subList(0, 9)) {
            var named = org.put("/api/v1/stages/" + fin + "/teams/" + team + "/members", obj("personIds", personsOfTeam.get(team).subList(0, 3)));
            assertThat(named.status()).as(named.toString()).isEqualTo(204);
        }

        // the final, scored by hand: T3 95; T0, T5, T1 90 (shared 2nd, across the SECOND limit of 3); T2, T4 80; T6 70; T7 60; T8 50
        assertThat(org.put("/api/v1/stages/" + fin + "/teams/" + teams.get(9) + "/score", obj("score", 99)).status()).isEqualTo(409);
        int[] finalScores = {90, 90, 80, 95, 80, 90, 70, 60, 50};
        for (int t = 0; t < 9; t++) {
            var scored = org.put("/api/v1/stages/" + fin + "/teams/" + teams.get(t) + "/score", obj("score", finalScores[t], "note", "现场竞赛"));
            assertThat(scored.status()).as(scored.toString()).isEqualTo(204);
        }
        assertThat(org.post("/api/v1/stages/" + preliminary + "/advance", null).status()).isEqualTo(409);

        // the awards, worked out by hand from the tables above
        JsonNode awards = org.get("/api/v1/competitions/" + competition + "/awards").json();
        List<String> individual = new ArrayList<>();
        for (JsonNode a : awards.get("individual")) {
            individual.add(a.get("award").asString() + " " + a.get("rank").asInt() + " " + label(teams, personsOfTeam, a.get("personId").asLong())
                    + " " + a.get("score").decimalValue().stripTrailingZeros().toPlainString());
        }
        assertThat(individual).containsExactlyInAnyOrder(
                "FIRST 1 T0.0 100",
                "SECOND 2 T1.0 95", "SECOND 3 T0.1 90", "SECOND 4 T2.0 85", "SECOND 4 T3.0 85",
                "THIRD 6 T1.1 80", "THIRD 6 T2.1 80", "THIRD 6 T4.0 80", "THIRD 9 T3.1 75", "THIRD 9 T4.1 75", "THIRD 9 T5.0 75",
                "EXCELLENCE 12 T0.2 70", "EXCELLENCE 12 T4.2 70", "EXCELLENCE 12 T5.1 70", "EXCELLENCE 12 T6.0 70",
                "EXCELLENCE 16 T1.2 65", "EXCELLENCE 16 T2.2 65", "EXCELLENCE 16 T5.2 65", "EXCELLENCE 16 T6.1 65",
                "EXCELLENCE 20 T3.2 60", "EXCELLENCE 20 T6.2 60", "EXCELLENCE 20 T10.0 60");
        List<String> team = new ArrayList<>();
        for (JsonNode a : awards.get("team")) {
            team.add(a.get("award").asString() + " " + a.get("rank").asInt() + " T" + teams.indexOf(a.get("teamId").asLong())
                    + " " + a.get("score").decimalValue().stripTrailingZeros().toPlainString());
        }
        assertThat(team).containsExactly("FIRST 1 T3 95", "SECOND 2 T0 90", "SECOND 2 T1 90", "SECOND 2 T5 90",
                "THIRD 5 T2 80", "THIRD 5 T4 80", "THIRD 7 T6 70", "THIRD 8 T7 60");
        var xlsx = org.get("/api/v1/competitions/" + competition + "/awards.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(22);
            assertThat(workbook.getSheetAt(1).getLastRowNum()).isEqualTo(8);
        }
    }

    /** Registrations breaking each rule are refused with the rule's code, and none of them leaves a team behind. */
    private void refusals(Api org, long competition, long city, List<Long> units, List<List<String>> ids) {
        String path = "/api/v1/competitions/" + competition + "/teams";
        long spareTown = orgUnit(unique("备用镇"), "TOWN", city);
        List<Map<String, Object>> four = new ArrayList<>(validMembers("TOWN").subList(0, 4));
        assertRefused(org.post(path, team(spareTown, four)), "TEAM_SIZE", null);

        List<Map<String, Object>> oneCommunity = List.of(member("COMMUNITY_STAFF"), member("FRONT_DESK"), member("FRONT_DESK"),
                member("BACK_OFFICE"), member("MANAGEMENT"));
        assertRefused(org.post(path, team(spareTown, oneCommunity)), "CATEGORY_MINIMUM", null);

        List<Map<String, Object>> withTaken = new ArrayList<>(validMembers("TOWN"));
        withTaken.set(2, member(ids.get(0).get(2), "FRONT_DESK"));
        assertRefused(org.post(path, team(spareTown, withTaken)), "ALREADY_IN_TEAM", 2);

        String excludedId = idNumber();
        var excluded = org.post("/api/v1/competitions/" + competition + "/exclusions", obj("idNumber", excludedId, "reason", "2019年已获省级奖项"));
        assertThat(excluded.status()).as(excluded.toString()).isEqualTo(201);
        assertThat(excluded.text()).doesNotContain(excludedId);
        List<Map<String, Object>> withExcluded = new ArrayList<>(validMembers("TOWN"));
        withExcluded.set(4, member(excludedId, "MANAGEMENT"));
        assertRefused(org.post(path, team(spareTown, withExcluded)), "EXCLUDED", 4);

        List<Map<String, Object>> badId = new ArrayList<>(validMembers("TOWN"));
        badId.set(1, member(withBadCheckDigit(idNumber()), "COMMUNITY_STAFF"));
        assertRefused(org.post(path, team(spareTown, badId)), "ID_NUMBER", 1);

        List<Map<String, Object>> badMobile = new ArrayList<>(validMembers("TOWN"));
        Map<String, Object> wrongPhone = new HashMap<>(badMobile.get(3));
        wrongPhone.put("mobile", "12345");
        badMobile.set(3, wrongPhone);
        assertRefused(org.post(path, team(spareTown, badMobile)), "MOBILE", 3);

        assertRefused(org.post(path, team(units.get(0), validMembers("TOWN"))), "UNIT_HAS_TEAM", null);

        long community = orgUnit(unique("社区"), "COMMUNITY", units.get(0));
        assertRefused(org.post(path, team(community, validMembers("TOWN"))), "UNIT_KIND", null);

        assertThat(org.get(path).json().get("items")).hasSize(30);
        assertThat(admin().post("/api/v1/people/search", obj("idNumber", badMobile.get(0).get("idNumber"))).json().get("items")).isEmpty();

        // after the deadline: 409
        var soon = org.post("/api/v1/competitions", obj("template", "jiangyin-2021", "name", "即将截止", "orgUnitId", city,
                "registrationDeadline", clock.instant().plusSeconds(60).toString()));
        assertThat(soon.status()).isEqualTo(201);
        moveClock(Duration.ofSeconds(61));
        assertThat(org.post("/api/v1/competitions/" + soon.id() + "/teams", team(spareTown, validMembers("TOWN"))).status()).isEqualTo(409);
    }

    private static void assertRefused(Api.Response response, String rule, @Nullable Integer member) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        JsonNode errors = response.json().get("errors");
        boolean found = false;
        for (JsonNode e : errors) {
            if (rule.equals(e.path("rule").asString(""))) {
                found = true;
                assertThat(e.get("message").asString()).isNotBlank();
                if (member == null) {
                    assertThat(e.has("member")).as(e.toString()).isFalse();
                } else {
                    assertThat(e.get("member").asInt()).as(e.toString()).isEqualTo(member);
                }
            }
        }
        assertThat(found).as(rule + " in " + errors).isTrue();
    }

    private static String label(List<Long> teams, Map<Long, List<Long>> personsOfTeam, long personId) {
        for (int t = 0; t < teams.size(); t++) {
            int m = personsOfTeam.get(teams.get(t)).indexOf(personId);
            if (m >= 0) {
                return "T" + t + "." + m;
            }
        }
        return "?";
    }
}
