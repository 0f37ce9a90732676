package cn.arena.competition;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The panel of a stage scored by judges: only JUDGE accounts sit on it, a written stage has none, other scopes see 404. */
class StageJudgesIT extends ApiTest {

    @Autowired StageJudges judges;

    @Test
    void anOrganizerAppointsJudgeAccountsToTheFinalAndOnlyThose() {
        long city = orgUnit(unique("无锡市"), "CITY", null);
        long county = orgUnit(unique("江阴市"), "COUNTY", city);
        long otherCounty = orgUnit(unique("宜兴市"), "COUNTY", city);
        Api organizer = as(user("ORGANIZER", county));
        var created = organizer.post("/api/v1/competitions", obj("template", "jiangyin-2021", "name", unique("江阴竞赛"),
                "orgUnitId", county, "registrationDeadline", clock.instant().plus(Duration.ofDays(5)).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode stages = created.json().get("stages");
        long preliminary = stages.get(0).get("id").asLong();
        long finalStage = stages.get(1).get("id").asLong();
        String judgeA = user("JUDGE", county);
        String judgeB = user("JUDGE", null);
        String grader = user("GRADER", county);
        String path = "/api/v1/stages/" + finalStage + "/judges";

        var appointed = organizer.post(path, obj("usernames", List.of(judgeA, judgeB)));
        assertThat(appointed.status()).as(appointed.toString()).isEqualTo(200);
        assertThat(appointed.json().get("judges").asInt()).isEqualTo(2);
        assertThat(judges.panel(finalStage)).extracting(StageJudges.Judge::username).containsExactlyInAnyOrder(judgeA, judgeB);

        var refused = organizer.post(path, obj("usernames", List.of(judgeA, grader, "nobody-" + unique("x"))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors")).hasSize(2);
        assertThat(judges.panel(finalStage)).as("nothing changed").hasSize(2);

        assertThat(organizer.post("/api/v1/stages/" + preliminary + "/judges", obj("usernames", List.of(judgeA))).status())
                .isEqualTo(409);
        assertThat(as(user("ORGANIZER", otherCounty)).post(path, obj("usernames", List.of(judgeB))).status()).isEqualTo(404);
        assertThat(as(judgeA).post(path, obj("usernames", List.of(judgeB))).status()).isEqualTo(403);

        assertThat(organizer.post(path, obj("usernames", List.of(judgeB))).json().get("judges").asInt()).isEqualTo(1);
        long judgeBId = judges.panel(finalStage).get(0).userId();
        assertThat(judges.isJudge(finalStage, judgeBId)).isTrue();
        assertThat(judges.isJudge(preliminary, judgeBId)).isFalse();
    }
}
