package cn.arena.live;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The buzzer station and the replay through the HTTP API: keys pressed at the station are buzzes of their teams under
 * the same referee as terminals' (host only, audited, once per press, a team not in the final refused); the replay's
 * state at event n is the fold of events 1…n, checked at chosen moments against values worked out by hand.
 */
class LiveStationReplayIT extends LiveTest {

    String secret = "回放解析" + UUID.randomUUID();

    Api.Response press(Api who, long team, String pressId) {
        return who.post(live + "/buzz/" + team, obj("pressId", pressId));
    }

    String station(int seat) {
        var r = press(host, team(seat), UUID.randomUUID().toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("result").asString();
    }

    JsonNode at(long seq) {
        var r = host.get(live + "/replay?seq=" + seq);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("seq").asLong()).isEqualTo(seq);
        return r.json();
    }

    List<String> scores(JsonNode state) {
        List<String> scores = new ArrayList<>();
        state.get("teams").forEach(t -> scores.add(t.get("score").decimalValue().stripTrailingZeros().toPlainString()));
        return scores;
    }

    List<String> buzzes(JsonNode state) {
        List<String> buzzes = new ArrayList<>();
        state.get("current").get("buzzes").forEach(b -> buzzes.add("S" + (f.teams().indexOf(b.get("teamId").asLong()) + 1) + " "
                + b.get("result").asString()));
        return buzzes;
    }

    @Test
    void keysPressedAtTheStationBuzzForTheirTeamsAndTheReplayShowsEveryMomentOfTheLog() throws Exception {
        finalOfEightTeams();
        long outsider = f.teamNotInTheFinal(admin(), port);
        oneBuzzerRound(2, 0, secret);

        // before START a press is a buzz at no question; who may press, and for which team
        assertThat(station(1)).isEqualTo("CLOSED");
        Api finalist = Api.bearer(port, f.finalists().get(0).get(0));
        assertThat(press(finalist, team(1), UUID.randomUUID().toString()).status()).as("a candidate, even a finalist").isEqualTo(403);
        assertThat(press(host, outsider, UUID.randomUUID().toString()).status()).as("a team not in the final").isEqualTo(404);
        assertThat(press(host, 987_654_321L, UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(host.post(live + "/buzz/" + team(1), Map.of()).status()).as("no pressId").isEqualTo(422);
        long before = seq();

        command("START");                                        // 2 (1 was the CLOSED press)
        command("NEXT_ROUND");                                   // 3
        command("NEXT_QUESTION");                                // 4
        assertThat(station(3)).isEqualTo("EARLY");               // 5: the foul, −10
        assertThat(station(3)).isEqualTo("LOCKED");              // 6
        command("OPEN");                                         // 7
        String pressId = UUID.randomUUID().toString();
        var won = press(host, team(1), pressId);                 // 8
        assertThat(won.json().get("result").asString()).isEqualTo("WON");
        var again = press(host, team(1), pressId);
        assertThat(again.json().get("seq").asLong()).as("the same press sent again counts once").isEqualTo(won.json().get("seq").asLong());
        assertThat(again.json().get("result").asString()).isEqualTo("WON");
        assertThat(buzz(2)).as("a terminal's buzz, same referee").isEqualTo("LATE"); // 9
        assertThat(press(host, outsider, UUID.randomUUID().toString()).status()).isEqualTo(404);
        command("JUDGE", "correct", true);                       // 10: +10 for seat 1
        command("NEXT_QUESTION");                                // 11
        command("OPEN");                                         // 12
        assertThat(station(2)).isEqualTo("WON");                 // 13
        command("JUDGE", "correct", false);                      // 14: −10 for seat 2
        command("ADJUST", "teamId", team(5), "points", 5, "reason", "仲裁：计分复核"); // 15
        command("UNDO", "reason", "复核后维持原判");              // 16
        command("FINISH");                                       // 17
        assertThat(seq()).isEqualTo(before + 16).isEqualTo(17);

        JsonNode events = host.get(live + "/events?after=0").json().get("events");
        JsonNode wonEvent = events.get(7);
        assertThat(wonEvent.get("type").asString()).isEqualTo("BUZZED");
        assertThat(wonEvent.get("by").asString()).as("the host who pressed is named").isEqualTo(f.organizer());
        assertThat(wonEvent.has("personId")).as("the team buzzed, not a person").isFalse();
        JsonNode audit = admin().get("/api/v1/audit?action=LIVE_STATION_BUZZ&limit=5000").json().get("items");
        List<String> audited = new ArrayList<>();
        audit.forEach(a -> {
            if (a.get("detail").asString().startsWith("stage=" + f.finalStage() + " ")) {
                audited.add(a.get("actor").asString() + " " + a.get("target").asString() + " " + a.get("detail").asString());
            }
        });
        assertThat(audited).as("every press once, the repeated one not again").hasSize(5)
                .contains(f.organizer() + " team:" + team(1) + " stage=" + f.finalStage() + " seq=8 result=WON");

        // the jury ruling and its undo are audited with their reasons
        List<String> rulings = new ArrayList<>();
        for (String action : List.of("LIVE_ADJUSTED", "LIVE_UNDONE")) {
            admin().get("/api/v1/audit?action=" + action + "&limit=5000").json().get("items").forEach(a -> {
                if (a.get("detail").asString().startsWith("stage=" + f.finalStage() + " ")) {
                    rulings.add(a.get("actor").asString() + " " + a.get("target").asString() + " " + a.get("detail").asString());
                }
            });
        }
        assertThat(rulings).containsExactly(
                f.organizer() + " team:" + team(5) + " stage=" + f.finalStage() + " points=5 reason=仲裁：计分复核",
                f.organizer() + " team:" + team(5) + " stage=" + f.finalStage() + " points=-5 reason=复核后维持原判");

        // the replay: the state at n is the fold of events 1…n, answers only as revealed then
        JsonNode start = at(0);
        assertThat(start.get("last").asLong()).isEqualTo(17);
        assertThat(start.get("state").get("status").asString()).isEqualTo("READY");
        assertThat(start.get("state").get("current").isNull()).isTrue();

        JsonNode foul = at(5).get("state");
        assertThat(at(5).get("event").get("result").asString()).isEqualTo("EARLY");
        assertThat(foul.get("current").get("phase").asString()).isEqualTo("SHOWN");
        assertThat(foul.get("current").get("question").get("stem").asString()).startsWith("第1题");
        assertThat(foul.get("current").has("answer")).isFalse();
        assertThat(scores(foul)).containsExactly("100", "100", "90", "100", "100", "100", "100", "100");
        assertThat(buzzes(foul)).containsExactly("S3 EARLY");

        JsonNode answering = at(9).get("state");
        assertThat(answering.get("current").get("phase").asString()).isEqualTo("ANSWERING");
        assertThat(answering.get("current").get("teamId").asLong()).isEqualTo(team(1));
        assertThat(buzzes(answering)).containsExactly("S3 EARLY", "S3 LOCKED", "S1 WON", "S2 LATE");
        assertThat(answering.toString()).as("not yet revealed at 9").doesNotContain(secret).doesNotContain("\"answer\"");

        JsonNode revealed = at(10).get("state");
        assertThat(revealed.get("current").get("phase").asString()).isEqualTo("REVEALED");
        assertThat(revealed.get("current").get("analysis").asString()).isEqualTo(secret + 1);
        assertThat(scores(revealed)).containsExactly("110", "100", "90", "100", "100", "100", "100", "100");

        JsonNode second = at(13).get("state");
        assertThat(second.get("current").get("question").get("stem").asString()).startsWith("第2题");
        assertThat(second.toString()).doesNotContain(secret + 2);
        assertThat(scores(at(14).get("state"))).containsExactly("110", "90", "90", "100", "100", "100", "100", "100");
        assertThat(at(15).get("state").get("teams").get(4).get("score").decimalValue()).isEqualByComparingTo("105");
        JsonNode undone = at(16);
        assertThat(undone.get("event").get("reason").asString()).isEqualTo("复核后维持原判");
        assertThat(undone.get("state").get("teams").get(4).get("score").decimalValue()).isEqualByComparingTo("100");
        assertThat(at(3).get("state").get("current").get("phase").asString()).as("stepping back").isEqualTo("READY");

        // the last moment is the state now
        ObjectNode end = (ObjectNode) at(17).get("state");
        ObjectNode now = (ObjectNode) host.get(live).json();
        end.remove("serverTime");
        now.remove("serverTime");
        assertThat(end).isEqualTo(now);
        assertThat(end.get("standings").get(0).get("teamId").asLong()).isEqualTo(team(1));
        assertThat(end.get("standings").get(0).get("score").decimalValue()).isEqualByComparingTo(new BigDecimal("110"));

        assertThat(host.get(live + "/replay?seq=18").status()).isEqualTo(422);
        assertThat(finalist.get(live + "/replay?seq=1").status()).as("organizers only").isEqualTo(403);
    }
}
