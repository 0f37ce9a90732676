package cn.arena.competition;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Jiangyin 2021 competition brought to its live final through the API, for the live module's tests: eight units
 * register, sit the preliminary (team t's members each answer 10 − t items right, so the standing is T0 … T7), all
 * eight advance, and each names its first three members as finalists.
 *
 * @param teams team ids in standing order (T0 first)
 * @param units their org units
 * @param finalists per team, the bearer tokens of its three finalists' accounts, in the order named
 * @param others per team, a bearer token of a member who is not a finalist
 * @param usernames per team, its finalists' usernames (in the order named), which log in with {@code passwords}
 */
public record JiangyinFinal(long city, String organizer, long competition, long finalStage, List<Long> teams, List<Long> units,
        List<List<String>> finalists, List<String> others, List<List<String>> usernames, Map<String, String> passwords) {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String[] KINDS = {"TOWN", "DEPARTMENT", "TOWN", "SUB_CENTRE", "DEV_ZONE", "TOWN", "DEPARTMENT", "TOWN"};

    /** Builds it through {@code admin} (an ADMIN's client) on the node at {@code port}; users get {@link ApiTest#PASSWORD}. */
    public static JiangyinFinal make(Api admin, int port) throws Exception {
        long city = orgUnit(admin, "江阴市-" + System.nanoTime() % 100000, "COUNTY", null);
        String organizer = user(admin, "ORGANIZER", city);
        Api org = Api.basic(port, organizer, ApiTest.PASSWORD);
        var created = org.post("/api/v1/competitions", obj("template", "jiangyin-2021", "name", "2021年江阴市政务服务技能竞赛",
                "orgUnitId", city, "registrationDeadline", OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long competition = created.id();
        long preliminary = created.json().get("stages").get(0).get("id").asLong();
        long fin = created.json().get("stages").get(1).get("id").asLong();

        List<Long> units = new ArrayList<>();
        List<Long> teams = new ArrayList<>();
        List<String> unitNames = List.of("澄江街道", "市行政审批局", "南闸街道", "政务服务分中心", "高新区", "云亭街道", "市公安局", "周庄镇");
        for (int t = 0; t < 8; t++) {
            long unit = orgUnit(admin, unitNames.get(t) + "-" + System.nanoTime() % 100000, KINDS[t], city);
            units.add(unit);
            var team = org.post("/api/v1/competitions/" + competition + "/teams", CompetitionFixtures.team(unit,
                    CompetitionFixtures.validMembers(KINDS[t])));
            assertThat(team.status()).as(team.toString()).isEqualTo(201);
            teams.add(team.id());
            assertThat(org.post("/api/v1/teams/" + team.id() + "/approve", null).status()).isEqualTo(200);
        }
        long bank = CompetitionTest.trueFalseBank(org, 10);
        long exam = CompetitionTest.exam(org, bank, 10, "初赛");
        var sitting = org.post("/api/v1/stages/" + preliminary + "/sittings", obj("examId", exam,
                "unitKinds", List.of("TOWN", "DEV_ZONE", "SUB_CENTRE", "DEPARTMENT")));
        assertThat(sitting.status()).as(sitting.toString()).isEqualTo(201);
        assertThat(org.post("/api/v1/exams/" + exam + "/publish", null).status()).isEqualTo(200);

        Map<Long, Integer> teamOfPerson = new HashMap<>();
        Map<Long, List<Long>> members = new HashMap<>();
        for (JsonNode team : org.get("/api/v1/competitions/" + competition + "/teams").json().get("items")) {
            List<Long> persons = new ArrayList<>();
            team.get("members").forEach(m -> persons.add(m.get("personId").asLong()));
            members.put(team.get("id").asLong(), persons);
            persons.forEach(p -> teamOfPerson.put(p, teams.indexOf(team.get("id").asLong())));
        }
        Map<Long, String> tokenOfPerson = new HashMap<>();
        Map<Long, String> usernameOfPerson = new HashMap<>();
        Map<String, String> passwords = new HashMap<>();
        for (JsonNode account : sitting.json().get("accounts")) {
            long person = account.get("personId").asLong();
            String token = CompetitionTest.token(port, account.get("username").asString(), account.get("initialPassword").asString());
            tokenOfPerson.put(person, token);
            usernameOfPerson.put(person, account.get("username").asString());
            passwords.put(account.get("username").asString(), account.get("initialPassword").asString());
            CompetitionTest.sit(Api.bearer(port, token), exam, 10 - teamOfPerson.get(person));
        }
        CompetitionTest.release(org, exam);
        var advanced = org.post("/api/v1/stages/" + preliminary + "/advance", null);
        assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
        assertThat(advanced.json().get("advanced")).hasSize(8);

        List<List<String>> finalists = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<List<String>> usernames = new ArrayList<>();
        for (long team : teams) {
            List<Long> named = members.get(team).subList(0, 3);
            var put = org.put("/api/v1/stages/" + fin + "/teams/" + team + "/members", obj("personIds", named));
            assertThat(put.status()).as(put.toString()).isEqualTo(204);
            finalists.add(named.stream().map(tokenOfPerson::get).toList());
            others.add(tokenOfPerson.get(members.get(team).get(3)));
            usernames.add(named.stream().map(usernameOfPerson::get).toList());
        }
        return new JiangyinFinal(city, organizer, competition, fin, teams, units, finalists, others, usernames, passwords);
    }

    /** A team of this competition that is not in its final: registered late by a new unit of the city, never advanced. */
    public long teamNotInTheFinal(Api admin, int port) {
        long unit = orgUnit(admin, "华士镇-" + System.nanoTime() % 100000, "TOWN", city);
        var team = Api.basic(port, organizer, ApiTest.PASSWORD).post("/api/v1/competitions/" + competition + "/teams",
                CompetitionFixtures.team(unit, CompetitionFixtures.validMembers("TOWN")));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        return team.id();
    }

    /** A user of this role in this unit, made by the admin; its password is {@link ApiTest#PASSWORD}. */
    public static String user(Api admin, String role, @Nullable Long orgUnitId) {
        String username = role.toLowerCase() + "-" + System.nanoTime() % 10_000_000 + "-" + SEQUENCE.incrementAndGet();
        var response = admin.post("/api/v1/users", obj("username", username, "password", ApiTest.PASSWORD, "displayName", "测试" + username,
                "roles", List.of(role), "orgUnitId", orgUnitId));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return username;
    }

    private static long orgUnit(Api admin, String name, String kind, @Nullable Long parentId) {
        var response = admin.post("/api/v1/org-units", obj("name", name, "kind", kind, "parentId", parentId));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }
}
