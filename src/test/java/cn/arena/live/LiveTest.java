package cn.arena.live;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.competition.JiangyinFinal;
import cn.arena.support.Api;
import cn.arena.support.ApiTest;
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
