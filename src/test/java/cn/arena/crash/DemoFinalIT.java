package cn.arena.crash;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A newcomer's first start with the demo data (the packaged application on a fresh embedded database, ARENA_DEMO on):
 * the demo Jiangyin live final is there with its eight teams and their finalists named, the question set loaded for
 * every round, five judges on its panel, and the host console's commands run it from START.
 */
class DemoFinalIT {

    private static final String ADMIN_PASSWORD = "Demo-Admin-2026!";

    @Test
    void theDemoJiangyinFinalIsReadyToRun(@TempDir Path dir) throws Exception {
        try (var node = new ArenaNode(dir, Map.of("ARENA_ADMIN_PASSWORD", ADMIN_PASSWORD, "ARENA_DEMO", "true"))) {
            node.start(Duration.ofSeconds(300));
            try {
                Api admin = Api.basic(node.port(), "admin", ADMIN_PASSWORD);
                long fin = demoFinal(admin);
                String live = "/api/v1/stages/" + fin + "/live";
                JsonNode ready = admin.get(live + "/host").json();
                assertThat(ready.get("status").asString()).isEqualTo("READY");
                assertThat(ready.get("rounds")).extracting(r -> r.get("kind").asString()).containsExactly("SPEED", "BUZZER", "RELAY", "RISK", "ESSAY");
                assertThat(ready.get("teams")).hasSize(8).allSatisfy(t -> assertThat(t.get("personIds")).hasSize(3));
                assertThat(ready.get("teams").get(0).get("unitName").asString()).isNotBlank();
                // START refuses a final without finalists (FINALISTS_MISSING), questions (QUESTIONS_MISSING) or judges (NO_JUDGES);
                // the demo loaders run once the node is up, so the host may have to wait for them a moment
                JsonNode started = null;
                for (int i = 0; i < 300 && started == null; i++) {
                    var r = admin.post(live + "/commands", obj("commandId", UUID.randomUUID().toString(), "type", "START"));
                    if (r.status() == 200) {
                        started = r.json().get("state");
                    } else {
                        assertThat(r.status()).as(r.toString()).isEqualTo(409);
                        ArenaNode.sleep(1000);
                    }
                }
                assertThat(started).as("START within 5 minutes").isNotNull();
                assertThat(started.get("status").asString()).isEqualTo("RUNNING");
                command(admin, live, "NEXT_ROUND");
                JsonNode first = command(admin, live, "NEXT_QUESTION");
                assertThat(first.get("current").get("kind").asString()).isEqualTo("SPEED");
                assertThat(first.get("current").get("question").get("stem").asString()).isNotBlank();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- the node's log ends with:\n" + node.logTail(), e);
            }
        }
    }

    /** The demo final's stage, once the demo data has made its competition. */
    private static long demoFinal(Api admin) {
        for (int i = 0; i < 300; i++) {
            for (JsonNode c : admin.get("/api/v1/competitions").json().get("items")) {
                if (c.get("name").asString().contains("现场决赛演示")) {
                    for (JsonNode s : admin.get("/api/v1/competitions/" + c.get("id").asLong()).json().get("stages")) {
                        if (s.get("kind").asString().equals("LIVE_FINAL")) {
                            return s.get("id").asLong();
                        }
                    }
                }
            }
            ArenaNode.sleep(1000);
        }
        throw new AssertionError("no demo final within 5 minutes");
    }

    private static JsonNode command(Api host, String live, String type) {
        var r = host.post(live + "/commands", obj("commandId", UUID.randomUUID().toString(), "type", type));
        assertThat(r.status()).as(type + " " + r).isEqualTo(200);
        return r.json().get("state");
    }
}
