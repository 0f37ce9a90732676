package cn.arena.crash;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.competition.JiangyinFinal;
import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The live final across processes: killed with SIGKILL mid-question and restarted, a node answers the same state and
 * the question goes on; two nodes on one PostgreSQL share one log, a buzz decided on A reaches a screen on B, and
 * buzzes arriving at both get one winner per question.
 */
class LiveNodesIT {

    private static final String ADMIN_PASSWORD = "Live-Admin-2026!";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aFinalKilledMidQuestionRestartsInTheSameStateOnTheEmbeddedDatabase(@TempDir Path dir) throws Exception {
        try (var node = new ArenaNode(dir, environment(Map.of()))) {
            survivesKill(node);
        }
    }

    @Test
    void aFinalKilledMidQuestionRestartsInTheSameStateOnPostgresql(@TempDir Path dir) throws Exception {
        try (var database = ScratchDatabase.create("arena_live_"); var node = new ArenaNode(dir, environment(database.environment))) {
            survivesKill(node);
        }
    }

    @Test
    void twoNodesOnOnePostgresqlShareTheFinalAndItsWinners(@TempDir Path dir) throws Exception {
        try (var database = ScratchDatabase.create("arena_live_");
                var a = new ArenaNode(Files.createDirectories(dir.resolve("a")), environment(database.environment));
                var b = new ArenaNode(Files.createDirectories(dir.resolve("b")), environment(database.environment))) {
            a.start(START_TIMEOUT);
            b.start(START_TIMEOUT);
            Live onA = ready(a.port(), 20);
            Live onB = onA.on(b.port());
            String key = onA.host.get(onA.path + "/screen-key").json().get("key").asString();
            List<String> screenOnB = follow(b.port(), onA.path + "/stream?key=" + key, null);
            onA.command("START");
            onA.command("NEXT_ROUND");

            // a buzz decided on A reaches the screen on B
            onA.command("NEXT_QUESTION");
            onB.command("OPEN");
            var won = Api.bearer(a.port(), onA.f.finalists().get(2).get(0)).post(onA.path + "/buzz", null);
            assertThat(won.json().get("result").asString()).isEqualTo("WON");
            long wonSeq = won.json().get("seq").asLong();
            awaitLine(screenOnB, "id:" + wonSeq);
            assertThat(screenOnB.stream().filter(l -> l.startsWith("data:") && l.contains("\"seq\":" + wonSeq)).findFirst().orElseThrow())
                    .contains("\"result\":\"WON\"").contains("\"teamId\":" + onA.f.teams().get(2));
            onB.command("JUDGE", "correct", true);

            // then buzzes at both nodes at once: four terminals on A, four on B, one winner each question
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int q = 1; q < 20; q++) {
                    onA.command("NEXT_QUESTION");
                    onB.command("OPEN");
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<String>> results = new ArrayList<>();
                    for (int t = 0; t < 8; t++) {
                        int nodePort = t % 2 == 0 ? a.port() : b.port();
                        String token = onA.f.finalists().get(t).get(0);
                        results.add(pool.submit(() -> {
                            go.await();
                            return Api.bearer(nodePort, token).post(onA.path + "/buzz", null).json().get("result").asString();
                        }));
                    }
                    go.countDown();
                    List<String> got = new ArrayList<>();
                    for (Future<String> r : results) {
                        got.add(r.get());
                    }
                    assertThat(got).as("question " + q).containsOnly("WON", "LATE").filteredOn("WON"::equals).hasSize(1);
                    (q % 2 == 0 ? onA : onB).command("JUDGE", "correct", true);
                }
            } finally {
                pool.shutdownNow();
            }
            long last = onA.host.get(onA.path + "/host").json().get("seq").asLong();
            assertThat(onB.host.get(onB.path + "/host").json().get("seq").asLong()).isEqualTo(last);
            awaitLine(screenOnB, "id:" + last);
            assertThat(screenOnB.stream().filter(l -> l.startsWith("id:")).count()).isEqualTo(last);
            // and the state B's stream carries with it, folded on B from the log, is the one A answers
            assertThat(carriedState(screenOnB, last)).isEqualTo(publicState(onA));
        }
    }

    /** The state carried by event {@code seq} of a stream (the last of its sending), without its serverTime. */
    private static JsonNode carriedState(List<String> lines, long seq) {
        String prefix = "data:{\"seq\":" + seq + ",";
        for (int i = 0; i < 200 && lines.stream().noneMatch(l -> l.startsWith(prefix)); i++) {
            ArenaNode.sleep(50);
        }
        String data = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        ObjectNode state = (ObjectNode) JSON.readTree(data.substring("data:".length())).get("state");
        state.remove("serverTime");
        return state;
    }

    /** {@code GET …/live} as a screen reads it, without its serverTime. */
    private static JsonNode publicState(Live live) {
        ObjectNode state = (ObjectNode) live.host.get(live.path).json();
        state.remove("serverTime");
        return state;
    }

    private void survivesKill(ArenaNode node) throws Exception {
        try {
            node.start(START_TIMEOUT);
            Live live = ready(node.port(), 3);
            live.command("START");
            live.command("NEXT_ROUND");
            live.command("NEXT_QUESTION");
            assertThat(live.buzz(1)).isEqualTo("EARLY");
            live.command("OPEN");
            assertThat(live.buzz(2)).isEqualTo("WON");
            assertThat(live.buzz(3)).isEqualTo("LATE");
            JsonNode before = live.state();
            assertThat(before.get("current").get("phase").asString()).isEqualTo("ANSWERING");

            node.killHard();
            node.start(START_TIMEOUT);

            JsonNode after = live.state();
            assertThat(after).isEqualTo(before);
            long seq = after.get("seq").asLong();
            // a screen resuming from Last-Event-ID gets exactly the events after it
            String key = live.host.get(live.path + "/screen-key").json().get("key").asString();
            List<String> resumed = follow(node.port(), live.path + "/stream?key=" + key, seq - 2);
            awaitLine(resumed, "id:" + seq);
            assertThat(resumed.stream().filter(l -> l.startsWith("id:")).toList()).containsExactly("id:" + (seq - 1), "id:" + seq);
            assertThat(carriedState(resumed, seq)).as("the state the restarted node's stream carries").isEqualTo(publicState(live));
            // the question goes on
            JsonNode judged = live.command("JUDGE", "correct", true);
            assertThat(judged.get("teams").get(1).get("score").asInt()).isEqualTo(110);
            assertThat(judged.get("teams").get(0).get("score").asInt()).isEqualTo(90);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n--- the node's log ends with:\n" + node.logTail(), e);
        }
    }

    /** A final of the eight teams with one BUZZER round of {@code questions} loaded, not yet started. */
    private static Live ready(int port, int questions) throws Exception {
        JiangyinFinal f = JiangyinFinal.make(Api.basic(port, "admin", ADMIN_PASSWORD), port);
        Api host = Api.basic(port, f.organizer(), ApiTest.PASSWORD);
        String path = "/api/v1/stages/" + f.finalStage() + "/live";
        assertThat(host.put(path + "/rounds", obj("baseScore", 100, "rounds", List.of(obj("no", 1, "kind", "BUZZER", "name", "抢答题",
                "questions", questions, "points", 10, "foul", 10, "seconds", 20)))).status()).isEqualTo(204);
        long bank = host.post("/api/v1/banks", obj("name", "抢答题库" + UUID.randomUUID())).id();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            ids.add(host.post("/api/v1/banks/" + bank + "/questions", obj("type", "TRUE_FALSE", "stem", "抢答第" + i + "题", "answer", true,
                    "points", 10, "difficulty", 3, "category", "决赛")).id());
        }
        assertThat(host.put(path + "/questions", obj("rounds", List.of(obj("round", 1, "questionIds", ids)))).status()).isEqualTo(204);
        return new Live(f, host, path, port);
    }

    private record Live(JiangyinFinal f, Api host, String path, int port) {

        Live on(int otherPort) {
            return new Live(f, Api.basic(otherPort, f.organizer(), ApiTest.PASSWORD), path, otherPort);
        }

        JsonNode command(String type, Object... args) {
            Map<String, Object> body = obj(args);
            body.put("commandId", UUID.randomUUID().toString());
            body.put("type", type);
            var r = host.post(path + "/commands", body);
            assertThat(r.status()).as(type + " " + r).isEqualTo(200);
            return r.json().get("state");
        }

        String buzz(int seat) {
            return Api.bearer(port(), f.finalists().get(seat - 1).get(0)).post(path + "/buzz", null).json().get("result").asString();
        }

        /** The host's state without the one field that moves by itself, the server's time. */
        JsonNode state() {
            ObjectNode s = (ObjectNode) host.get(path + "/host").json();
            s.remove("serverTime");
            return s;
        }
    }

    /** The lines a screen following this stream receives, as they arrive. */
    private static List<String> follow(int port, String path, @Nullable Long lastEventId) {
        var lines = Collections.synchronizedList(new ArrayList<String>());
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (lastEventId != null) {
            request.header("Last-Event-ID", String.valueOf(lastEventId));
        }
        CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(lines::add));
        return lines;
    }

    private static void awaitLine(List<String> lines, String line) {
        for (int i = 0; i < 200 && !lines.contains(line); i++) {
            ArenaNode.sleep(50);
        }
        assertThat(lines).as("the stream got " + line).contains(line);
    }

    private static Map<String, String> environment(Map<String, String> database) {
        Map<String, String> environment = new HashMap<>(database);
        environment.put("ARENA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("ARENA_DEMO", "false");
        return environment;
    }
}
