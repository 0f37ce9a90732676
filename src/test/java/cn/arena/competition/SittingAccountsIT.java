package cn.arena.competition;

import static cn.arena.competition.CompetitionFixtures.team;
import static cn.arena.competition.CompetitionFixtures.validMembers;
import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A sitting issues logins to people who have none, and seats people who already have one under that login. */
class SittingAccountsIT extends CompetitionTest {

    @Test
    void aPersonSeatedAgainKeepsTheLoginTheFirstSittingIssued() {
        long county = orgUnit(unique("江阴市"), "COUNTY", null);
        long town = orgUnit(unique("澄江街道"), "TOWN", county);
        Api org = as(user("ORGANIZER", county));
        List<Map<String, Object>> members = validMembers("TOWN");
        long bank = trueFalseBank(org, 1);

        JsonNode first = seat(org, competition(org, county, "2021年江阴市政务服务技能竞赛"), town, members, bank);
        Map<Long, String> usernameOf = new HashMap<>();
        for (JsonNode account : first) {
            assertThat(account.get("initialPassword").isNull()).as(account.toString()).isFalse();
            usernameOf.put(account.get("personId").asLong(), account.get("username").asString());
        }
        assertThat(usernameOf).hasSize(5);

        JsonNode again = seat(org, competition(org, county, "2022年江阴市政务服务技能竞赛"), town, members, bank);
        assertThat(again).hasSize(5);
        for (JsonNode account : again) {
            assertThat(account.get("username").asString()).isEqualTo(usernameOf.get(account.get("personId").asLong()));
            assertThat(account.get("initialPassword") == null || account.get("initialPassword").isNull()).as(account.toString()).isTrue();
        }
    }

    private static long competition(Api org, long county, String name) {
        var created = org.post("/api/v1/competitions", obj("template", "jiangyin-2021", "name", name, "orgUnitId", county,
                "registrationDeadline", OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    /** Registers and approves the team, then seats the preliminary; answers the issued accounts. */
    private static JsonNode seat(Api org, long competition, long town, List<Map<String, Object>> members, long bank) {
        var registered = org.post("/api/v1/competitions/" + competition + "/teams", team(town, members));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(org.post("/api/v1/teams/" + registered.id() + "/approve", null).status()).isEqualTo(200);
        long preliminary = org.get("/api/v1/competitions/" + competition).json().get("stages").get(0).get("id").asLong();
        long exam = exam(org, bank, 1, "初赛");
        var sitting = org.post("/api/v1/stages/" + preliminary + "/sittings", obj("examId", exam, "unitKinds", List.of("TOWN")));
        assertThat(sitting.status()).as(sitting.toString()).isEqualTo(201);
        return sitting.json().get("accounts");
    }
}
