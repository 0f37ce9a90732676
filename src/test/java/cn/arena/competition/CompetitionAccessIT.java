package cn.arena.competition;

import static cn.arena.competition.CompetitionFixtures.team;
import static cn.arena.competition.CompetitionFixtures.validMembers;
import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scoped access to competitions: an organizer of one district neither sees nor changes another district's
 * competitions, teams or people (404, never 403); unit contacts see their ancestors' competitions and only their own
 * teams; and no response to anyone but an admin carries a full ID number.
 */
class CompetitionAccessIT extends ApiTest {

    @Test
    void anotherDistrictsCompetitionTeamsAndPeopleAreNotFoundAndNoFullIdNumberLeaks() {
        long city = orgUnit(unique("无锡市"), "CITY", null);
        long districtA = orgUnit(unique("江阴市"), "COUNTY", city);
        long districtB = orgUnit(unique("宜兴市"), "COUNTY", city);
        long townA = orgUnit(unique("澄江街道"), "TOWN", districtA);
        long otherTownA = orgUnit(unique("南闸街道"), "TOWN", districtA);
        long townB = orgUnit(unique("宜城街道"), "TOWN", districtB);
        Api orgA = as(user("ORGANIZER", districtA));
        Api orgB = as(user("ORGANIZER", districtB));
        Api contactA = as(user("UNIT_CONTACT", townA));
        Api contactB = as(user("UNIT_CONTACT", townB));
        List<Api.Response> seen = new ArrayList<>();

        var created = orgA.post("/api/v1/competitions", obj("template", "jiangyin-2021", "name", "江阴竞赛", "orgUnitId", districtA,
                "registrationDeadline", OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).toString()));
        assertThat(created.status()).isEqualTo(201);
        long competition = created.id();
        long preliminary = created.json().get("stages").get(0).get("id").asLong();
        assertThat(orgB.post("/api/v1/competitions", obj("template", "jiangyin-2021", "name", "越权", "orgUnitId", districtA,
                "registrationDeadline", OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).toString())).status()).isEqualTo(422);

        // the unit contact registers its own unit's team, and no other unit's
        List<Map<String, Object>> members = validMembers("TOWN");
        List<String> fullIds = members.stream().map(m -> (String) m.get("idNumber")).toList();
        var registered = contactA.post("/api/v1/competitions/" + competition + "/teams", team(townA, members));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        seen.add(registered);
        long teamId = registered.id();
        assertThat(contactA.post("/api/v1/competitions/" + competition + "/teams", team(otherTownA, validMembers("TOWN"))).status()).isEqualTo(404);
        assertThat(contactA.post("/api/v1/teams/" + teamId + "/approve", null).status()).isEqualTo(403);

        // district B's organizer and unit contact: nothing of district A exists for them
        assertThat(orgB.get("/api/v1/competitions").json().get("items").toString()).doesNotContain("\"id\":" + competition + ",");
        for (Api outsider : List.of(orgB, contactB)) {
            assertThat(outsider.get("/api/v1/competitions/" + competition).status()).isEqualTo(404);
            assertThat(outsider.get("/api/v1/competitions/" + competition + "/teams").status()).isEqualTo(404);
            assertThat(outsider.get("/api/v1/teams/" + teamId).status()).isEqualTo(404);
            assertThat(outsider.get("/api/v1/stages/" + preliminary + "/standings").status()).isEqualTo(404);
            assertThat(outsider.get("/api/v1/competitions/" + competition + "/awards").status()).isEqualTo(404);
            assertThat(outsider.get("/api/v1/competitions/" + competition + "/registration-form.xlsx").status()).isEqualTo(404);
            assertThat(outsider.post("/api/v1/competitions/" + competition + "/teams", team(townB, validMembers("TOWN"))).status()).isEqualTo(404);
        }
        assertThat(orgB.post("/api/v1/teams/" + teamId + "/approve", null).status()).isEqualTo(404);
        assertThat(orgB.post("/api/v1/teams/" + teamId + "/reject", obj("reason", "越权")).status()).isEqualTo(404);
        assertThat(orgB.post("/api/v1/competitions/" + competition + "/exclusions", obj("idNumber", fullIds.get(0), "reason", "越权")).status())
                .isEqualTo(404);
        assertThat(orgB.post("/api/v1/stages/" + preliminary + "/advance", null).status()).isEqualTo(404);
        assertThat(orgB.post("/api/v1/stages/" + preliminary + "/sittings", obj("examId", 1, "unitKinds", List.of("TOWN"))).status()).isEqualTo(404);
        var searchB = orgB.post("/api/v1/people/search", obj("idNumber", fullIds.get(0)));
        assertThat(searchB.json().get("items")).isEmpty();
        long personId = orgA.get("/api/v1/teams/" + teamId).json().get("members").get(0).get("personId").asLong();
        assertThat(orgB.get("/api/v1/people/" + personId).status()).isEqualTo(404);

        // district A sees it all, masked
        seen.add(orgA.get("/api/v1/competitions/" + competition + "/teams"));
        seen.add(orgA.get("/api/v1/teams/" + teamId));
        seen.add(orgA.post("/api/v1/competitions/" + competition + "/exclusions", obj("idNumber", CompetitionFixtures.idNumber(), "reason", "测试")));
        seen.add(orgA.get("/api/v1/competitions/" + competition + "/exclusions"));
        seen.add(orgA.post("/api/v1/people/search", obj("idNumber", fullIds.get(0))));
        seen.add(orgA.get("/api/v1/people/" + personId));
        seen.add(contactA.get("/api/v1/competitions"));
        seen.add(contactA.get("/api/v1/competitions/" + competition + "/teams"));
        seen.add(contactA.get("/api/v1/teams/" + teamId));
        seen.add(orgA.post("/api/v1/teams/" + teamId + "/approve", null));
        seen.add(orgA.get("/api/v1/stages/" + preliminary + "/standings"));
        seen.add(contactA.get("/api/v1/stages/" + preliminary + "/standings"));
        seen.add(orgA.get("/api/v1/competitions/" + competition + "/awards"));
        assertThat(orgA.get("/api/v1/people/" + personId + "/id-number").status()).isEqualTo(403);
        assertThat(seen).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isLessThan(300));
        assertThat(contactA.get("/api/v1/competitions").json().get("items").toString()).contains("\"id\":" + competition);
        assertThat(seen.get(1).json().get("items").get(0).get("members").get(0).get("idNumber").asString()).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
        for (Api.Response response : seen) {
            for (String id : fullIds) {
                assertThat(response.text()).as(response.toString()).doesNotContain(id);
            }
        }
        // only the admin reads the full number
        assertThat(admin().get("/api/v1/people/" + personId + "/id-number").text()).contains(fullIds.get(0));
    }

    @Test
    void aUnitContactWithdrawsItsTeamBeforeTheDeadlineAndMayRegisterAgain() throws Exception {
        long county = orgUnit(unique("江阴市"), "COUNTY", null);
        long town = orgUnit(unique("周庄镇"), "TOWN", county);
        Api organizer = as(user("ORGANIZER", county));
        Api contact = as(user("UNIT_CONTACT", town));
        long competition = organizer.post("/api/v1/competitions", obj("template", "jiangyin-2021", "name", "撤回测试", "orgUnitId", county,
                "registrationDeadline", OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).toString())).id();
        List<Map<String, Object>> members = validMembers("TOWN");
        long first = contact.post("/api/v1/competitions/" + competition + "/teams", team(town, members)).id();
        var withdrawn = contact.post("/api/v1/teams/" + first + "/withdraw", null);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        var again = contact.post("/api/v1/competitions/" + competition + "/teams", team(town, members));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        // the filled registration form with a bad ID number: refused on its row and column, nothing saved
        long otherTown = orgUnit(unique("祝塘镇"), "TOWN", county);
        Api otherContact = as(user("UNIT_CONTACT", otherTown));
        byte[] blank = otherContact.get("/api/v1/competitions/" + competition + "/registration-form.xlsx").body();
        List<String> ids = new ArrayList<>(List.of(CompetitionFixtures.idNumber(), CompetitionFixtures.idNumber(),
                CompetitionFixtures.withBadCheckDigit(CompetitionFixtures.idNumber()), CompetitionFixtures.idNumber(), CompetitionFixtures.idNumber()));
        var refused = otherContact.upload("/api/v1/competitions/" + competition + "/teams/import", CompetitionFixtures.fill(blank, ids),
                "报名表.xlsx", Map.of("orgUnitId", String.valueOf(otherTown)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        // the form ticks one community staff member where a town needs two, and member 3 has a bad check digit
        List<String> errors = new ArrayList<>();
        refused.json().get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asString() + " "
                + e.get("rule").asString() + " " + !e.get("message").asString().isBlank()));
        assertThat(errors).containsExactlyInAnyOrder("4 人员性质 CATEGORY_MINIMUM true", "8 身份证号 ID_NUMBER true");
        assertThat(otherContact.get("/api/v1/competitions/" + competition + "/teams").json().get("items")).isEmpty();

        var rejected = organizer.post("/api/v1/teams/" + again.id() + "/reject", obj("reason", "材料不全"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(contact.get("/api/v1/competitions/" + competition + "/teams").json().get("items")).hasSize(2);
    }
}
