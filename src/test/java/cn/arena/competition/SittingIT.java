package cn.arena.competition;

import static cn.arena.competition.CompetitionFixtures.rows;
import static cn.arena.competition.CompetitionFixtures.team;
import static cn.arena.competition.CompetitionFixtures.validMembers;
import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A sitting after it is made: it reads back with its seats (never a password), prints as a sign-in sheet and admission
 * slips, re-issues passwords that replace the old ones; a draft exam is refused; nobody is absent before release; and
 * advancing is previewed with its reason before it is done.
 */
class SittingIT extends CompetitionTest {

    private Api org;
    private long county;
    private long town;
    private String townName;
    private long competition;
    private long preliminary;
    private long bank;

    @BeforeEach
    void aCompetitionWithOneApprovedTownTeam() {
        county = orgUnit(unique("江阴市"), "COUNTY", null);
        townName = unique("澄江街道");
        town = orgUnit(townName, "TOWN", county);
        org = as(user("ORGANIZER", county));
        var created = org.post("/api/v1/competitions", obj("template", "jiangyin-2021", "name", unique("江阴市政务服务技能竞赛"),
                "orgUnitId", county, "registrationDeadline", OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        competition = created.id();
        preliminary = created.json().get("stages").get(0).get("id").asLong();
        var registered = org.post("/api/v1/competitions/" + competition + "/teams", team(town, validMembers("TOWN")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(org.post("/api/v1/teams/" + registered.id() + "/approve", null).status()).isEqualTo(200);
        bank = trueFalseBank(org, 2);
    }

    @Test
    void aSittingOnADraftExamIsRefusedOnExamIdAndSeatsNobody() {
        long draft = draftExam(org, bank, 2, "初赛草稿");
        var refused = org.post("/api/v1/stages/" + preliminary + "/sittings", obj("examId", draft, "unitKinds", List.of("TOWN")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("examId");
        assertThat(error.get("message").asString()).contains("初赛草稿").contains("草稿");
        assertThat(org.get("/api/v1/stages/" + preliminary + "/sittings").json().get("items")).isEmpty();
    }

    @Test
    void aRoomWithoutSeatsIsRefusedNamingItsRowAndSeatsNobody() {
        long exam = exam(org, bank, 2, "初赛");
        var refused = org.post("/api/v1/stages/" + preliminary + "/sittings", obj("examId", exam, "unitKinds", List.of("TOWN"),
                "rooms", List.of(obj("name", "第一会议室", "seats", 3), obj("name", "第四会议室", "seats", 0))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("rooms");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("第 2 个考场");
        assertThat(org.get("/api/v1/stages/" + preliminary + "/sittings").json().get("items")).isEmpty();
    }

    @Test
    void aSittingReadsBackByRoomAndSeatWithNamesUnitsAndUsernamesButNoPassword() throws IOException {
        long exam = exam(org, bank, 2, "初赛 第一场");
        JsonNode created = sitting(exam, List.of(obj("name", "第一会议室", "seats", 3), obj("name", "第四会议室", "seats", 2)));
        long sittingId = created.get("id").asLong();

        JsonNode listed = org.get("/api/v1/stages/" + preliminary + "/sittings").json().get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("examTitle").asString()).isEqualTo("初赛 第一场");
        assertThat(listed.get(0).get("unitKinds").get(0).asString()).isEqualTo("TOWN");
        assertThat(listed.get(0).get("enrolled").asInt()).isEqualTo(5);

        var detail = org.get("/api/v1/sittings/" + sittingId);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        List<String> seated = new ArrayList<>();
        for (JsonNode seat : detail.json().get("seats")) {
            seated.add(seat.get("room").asString() + seat.get("seat").asInt() + " " + seat.get("name").asString() + " "
                    + seat.get("unitName").asString() + " " + seat.get("username").asString());
        }
        List<String> issued = new ArrayList<>();
        for (JsonNode a : created.get("accounts")) {
            issued.add(a.get("room").asString() + a.get("seat").asInt() + " " + a.get("name").asString() + " " + townName + " "
                    + a.get("username").asString());
        }
        assertThat(seated).containsExactlyElementsOf(issued);
        assertThat(seated.get(0)).startsWith("第一会议室1 ");
        assertThat(seated.get(3)).startsWith("第四会议室1 ");
        String body = detail.text();
        for (JsonNode a : created.get("accounts")) {
            assertThat(body).doesNotContain(a.get("initialPassword").asString());
        }
        assertThat(body).doesNotContainIgnoringCase("password");

        var sheet = org.get("/api/v1/sittings/" + sittingId + "/sign-in-sheet.xlsx");
        assertThat(sheet.status()).isEqualTo(200);
        List<List<String>> rows = rows(sheet.body());
        assertThat(rows.get(0)).containsExactly("考场", "座号", "姓名", "单位", "账号", "签名");
        assertThat(rows).hasSize(6);
        assertThat(rows.get(1)).containsExactly("第一会议室", "1", created.get("accounts").get(0).get("name").asString(), townName,
                created.get("accounts").get(0).get("username").asString(), "");

        var slips = org.get("/api/v1/sittings/" + sittingId + "/admission-slips.xlsx");
        assertThat(slips.status()).isEqualTo(200);
        List<List<String>> slipRows = rows(slips.body());
        assertThat(slipRows).hasSize(6);
        assertThat(slipRows.get(5).get(0)).isEqualTo("初赛 第一场");
        assertThat(slipRows.get(5).get(1)).contains("北京时间");
        assertThat(slipRows.get(5).subList(5, 7)).containsExactly("第四会议室", "2");
        String slipText = String.join(" ", slipRows.stream().flatMap(List::stream).toList());
        for (JsonNode a : created.get("accounts")) {
            assertThat(slipText).doesNotContain(a.get("initialPassword").asString());
        }
    }

    @Test
    void aReissuedPasswordLogsInAndTheOldOneAndItsTokensStopWorking() {
        long exam = exam(org, bank, 2, "初赛");
        JsonNode created = sitting(exam, null);
        long sittingId = created.get("id").asLong();
        JsonNode first = created.get("accounts").get(0);
        JsonNode second = created.get("accounts").get(1);
        String username = first.get("username").asString();
        String oldPassword = first.get("initialPassword").asString();
        String oldToken = token(username, oldPassword);

        var reissued = org.post("/api/v1/sittings/" + sittingId + "/seats/" + first.get("personId").asLong() + "/password", null);
        assertThat(reissued.status()).as(reissued.toString()).isEqualTo(200);
        assertThat(reissued.json().get("accounts")).hasSize(1);
        JsonNode account = reissued.json().get("accounts").get(0);
        assertThat(account.get("username").asString()).isEqualTo(username);
        String newPassword = account.get("password").asString();
        assertThat(newPassword).isNotEqualTo(oldPassword);

        assertThat(Api.basic(port, username, oldPassword).post("/api/v1/auth/token", null).status()).isEqualTo(401);
        assertThat(Api.bearer(port, oldToken).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.bearer(port, token(username, newPassword)).get("/api/v1/me").status()).isEqualTo(200);
        // the others keep theirs until the whole sitting is re-issued
        token(second.get("username").asString(), second.get("initialPassword").asString());

        var all = org.post("/api/v1/sittings/" + sittingId + "/passwords", null);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().get("accounts")).hasSize(5);
        Map<String, String> passwordOf = new HashMap<>();
        all.json().get("accounts").forEach(a -> passwordOf.put(a.get("username").asString(), a.get("password").asString()));
        assertThat(Api.basic(port, second.get("username").asString(), second.get("initialPassword").asString())
                .post("/api/v1/auth/token", null).status()).isEqualTo(401);
        assertThat(Api.basic(port, username, newPassword).post("/api/v1/auth/token", null).status()).isEqualTo(401);
        token(second.get("username").asString(), passwordOf.get(second.get("username").asString()));

        JsonNode audited = admin().get("/api/v1/audit?action=SITTING_PASSWORDS_REISSUED").json();
        assertThat(audited.toString()).contains("sitting:" + sittingId);
    }

    @Test
    void anotherScopesSittingIsNotFoundAndACandidateIsForbidden() {
        long exam = exam(org, bank, 2, "初赛");
        JsonNode created = sitting(exam, null);
        long sittingId = created.get("id").asLong();
        Api otherOrganizer = as(user("ORGANIZER", orgUnit(unique("宜兴市"), "COUNTY", null)));
        assertThat(otherOrganizer.get("/api/v1/sittings/" + sittingId).status()).isEqualTo(404);
        assertThat(otherOrganizer.post("/api/v1/sittings/" + sittingId + "/passwords", null).status()).isEqualTo(404);
        assertThat(otherOrganizer.get("/api/v1/sittings/" + sittingId + "/sign-in-sheet.xlsx").status()).isEqualTo(404);
        JsonNode account = created.get("accounts").get(0);
        Api candidate = Api.bearer(port, token(account.get("username").asString(), account.get("initialPassword").asString()));
        assertThat(candidate.get("/api/v1/sittings/" + sittingId).status()).isEqualTo(403);
    }

    @Test
    void membersAreAbsentOnlyOnceTheirSittingsResultsAreReleased() throws InterruptedException {
        JsonNode unseated = org.get("/api/v1/stages/" + preliminary + "/standings").json().get("individuals");
        assertThat(unseated).hasSize(5).allSatisfy(i -> assertThat(i.get("absent").asBoolean()).as(i.toString()).isFalse());

        long exam = exam(org, bank, 2, "初赛");
        JsonNode accounts = sitting(exam, null).get("accounts");
        JsonNode sat = accounts.get(0);
        sit(sat.get("username").asString(), sat.get("initialPassword").asString(), exam, 2);
        JsonNode beforeRelease = org.get("/api/v1/stages/" + preliminary + "/standings").json().get("individuals");
        assertThat(beforeRelease).allSatisfy(i -> {
            assertThat(i.get("absent").asBoolean()).as(i.toString()).isFalse();
            assertThat(i.get("score").isNull()).as(i.toString()).isTrue();
        });

        release(org, exam);
        JsonNode afterRelease = org.get("/api/v1/stages/" + preliminary + "/standings").json().get("individuals");
        long satPerson = sat.get("personId").asLong();
        for (JsonNode i : afterRelease) {
            boolean isSitter = i.get("personId").asLong() == satPerson;
            assertThat(i.get("absent").asBoolean()).as(i.toString()).isEqualTo(!isSitter);
        }
    }

    @Test
    void theAdvancePreviewSaysWhyNobodyAdvancesBeforeResultsAndWhoWouldAfter() throws InterruptedException {
        JsonNode before = org.get("/api/v1/stages/" + preliminary + "/advance/preview").json();
        assertThat(before.get("blocked").asString()).isEqualTo("NO_RESULTS");
        assertThat(before.get("advancing")).isEmpty();
        assertThat(before.get("top").asInt()).isEqualTo(8);
        assertThat(before.get("toStageName").asString()).isNotBlank();

        long exam = exam(org, bank, 2, "初赛");
        JsonNode sat = sitting(exam, null).get("accounts").get(0);
        sit(sat.get("username").asString(), sat.get("initialPassword").asString(), exam, 1);
        release(org, exam);

        JsonNode after = org.get("/api/v1/stages/" + preliminary + "/advance/preview").json();
        assertThat(after.get("blocked").isNull()).as(after.toString()).isTrue();
        assertThat(after.get("advancing")).hasSize(1);
        assertThat(after.get("advancing").get(0).get("unitName").asString()).isEqualTo(townName);
        assertThat(after.get("advancing").get(0).get("rank").asInt()).isEqualTo(1);
        // previewing changed nothing
        assertThat(org.get("/api/v1/stages/" + preliminary + "/standings").json().get("teams").get(0).get("advanced").asBoolean()).isFalse();
    }

    private JsonNode sitting(long exam, List<Map<String, Object>> rooms) {
        var created = org.post("/api/v1/stages/" + preliminary + "/sittings", obj("examId", exam, "unitKinds", List.of("TOWN"), "rooms", rooms));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }
}
