package cn.arena.live;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.competition.JiangyinFinal;
import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Integration tests of the live final: a Jiangyin competition brought to its final, and the host's commands. */
abstract class LiveTest extends ApiTest {

    JiangyinFinal f;
    Api host;
    String live;

    void finalOfEightTeams() throws Exception {
        f = JiangyinFinal.make(admin(), port);
        host = as(f.organizer());
        live = "/api/v1/stages/" + f.finalStage() + "/live";
    }

    /**
     * Rounds of one BUZZER round of {@code questions} (10 points, foul −10) and its true/false questions, with
     * {@code tiebreak} more for a tiebreak; question n's analysis is {@code analysis} + n.
     */
    void oneBuzzerRound(int questions, int tiebreak, String analysis) {
        assertThat(host.put(live + "/rounds", obj("baseScore", 100, "rounds", List.of(obj("no", 1, "kind", "BUZZER", "name", "抢答题",
                "questions", questions, "points", 10, "foul", 10, "seconds", 20)))).status()).isEqualTo(204);
        long bank = host.post("/api/v1/banks", obj("name", unique("决赛题库"))).id();
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= questions + tiebreak; i++) {
            ids.add(host.post("/api/v1/banks/" + bank + "/questions", obj("type", "TRUE_FALSE", "stem", "第" + i + "题：政务服务事项实行清单管理",
                    "answer", true, "analysis", analysis + i, "points", 10, "difficulty", 3, "category", "决赛")).id());
        }
        var loaded = host.put(live + "/questions", obj("rounds", List.of(obj("round", 1, "questionIds", ids.subList(0, questions))),
                "tiebreak", ids.subList(questions, ids.size())));
        assertThat(loaded.status()).as(loaded.toString()).isEqualTo(204);
    }

    JsonNode command(String type, Object... args) {
        var r = send(type, args);
        assertThat(r.status()).as(type + " " + r).isEqualTo(200);
        return r.json().get("state");
    }

    Api.Response send(String type, Object... args) {
        Map<String, Object> body = obj(args);
        body.put("commandId", UUID.randomUUID().toString());
        body.put("type", type);
        return host.post(live + "/commands", body);
    }

    long seq() {
        return host.get(live + "/host").json().get("seq").asLong();
    }

    String buzz(int seat) {
        var r = Api.bearer(port, f.finalists().get(seat - 1).get(0)).post(live + "/buzz", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("result").asString();
    }

    long team(int seat) {
        return f.teams().get(seat - 1);
    }
}
