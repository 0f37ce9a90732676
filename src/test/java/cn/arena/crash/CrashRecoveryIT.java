package cn.arena.crash;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Nothing acknowledged is lost when the node dies. The packaged application runs as a child process; candidates save
 * answers in parallel while the node is killed with SIGKILL and started again, three times (before the last kill half of
 * them submit); then every answer that was acknowledged with 204 must be there with its value, and the submitted
 * attempts must still be submitted, with the same submittedAt, refusing further saves. Runs on the embedded default (H2 file under ./data/) and, when {@code ARENA_TEST_DB_URL} names a
 * PostgreSQL, on a database of its own there. Talks to Arena only through the HTTP contract.
 */
class CrashRecoveryIT {

    private static final String ADMIN_PASSWORD = "Crash-Admin-2026!";
    private static final String PASSWORD = "Crash-Cand-2026!";
    private static final int CANDIDATES = 20;
    private static final int KILLS = 3;
    private static final int SUBMITTED = CANDIDATES / 2;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CATEGORY = "政务服务/崩溃测试";

    @Test
    void acknowledgedAnswersSurviveKillsOnTheEmbeddedDatabase(@TempDir Path dir) {
        survivesKills(dir, Map.of());
    }

    @Test
    void acknowledgedAnswersSurviveKillsOnPostgresql(@TempDir Path dir) throws SQLException {
        try (var database = ScratchDatabase.create("arena_crash_")) {
            survivesKills(dir, database.environment);
        }
    }

    private void survivesKills(Path dir, Map<String, String> database) {
        Map<String, String> environment = new HashMap<>(database);
        environment.put("ARENA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("ARENA_DEMO", "false");
        try (var node = new ArenaNode(dir, environment)) {
            try {
                survivesKills(node);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- the node's log ends with:\n" + node.logTail(), e);
            }
        }
    }

    private void survivesKills(ArenaNode node) {
        node.start(START_TIMEOUT);
        int port = node.port();
        long exam = publishedExam(port);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            candidates.add(new Candidate(port, exam, "crash-cand-" + i));
        }

        List<Candidate> submitters = candidates.subList(0, SUBMITTED);
        List<Candidate> savers = candidates.subList(SUBMITTED, CANDIDATES);
        candidates.forEach(Candidate::startSaving);
        for (int kill = 1; kill <= KILLS; kill++) {
            if (kill == KILLS) {
                // Before the last kill, half the candidates stop and submit: their submission must survive it too.
                submitters.forEach(Candidate::stopSaving);
                submitters.forEach(Candidate::submit);
            }
            awaitAcknowledgements(savers, 100, node);
            node.killHard();
            long started = System.nanoTime();
            node.start(START_TIMEOUT);
            System.out.printf("crash test: kill %d, node UP again after %d ms%n", kill, (System.nanoTime() - started) / 1_000_000);
        }
        awaitAcknowledgements(savers, 100, node);
        savers.forEach(Candidate::stopSaving);
        candidates.forEach(Candidate::assertHealthy);
        System.out.printf("crash test: %d answers acknowledged; %d requests got no answer (node down, or killed under them)%n",
                candidates.stream().mapToInt(c -> c.acknowledgedCount.get()).sum(),
                candidates.stream().mapToInt(c -> c.inDoubt.get()).sum());

        for (Candidate c : submitters) {
            String submittedAt = c.submittedAt;
            assertThat(c.submit()).as("repeated submit of %s after a kill", c.username).isEqualTo(submittedAt);
            c.assertSaveRefusedAfterSubmit();
        }
        candidates.forEach(Candidate::assertAnswersArePresent);
    }

    /** An organizer's bank of every objective type and a short answer, an exam with a long window, the candidates enrolled. */
    private static long publishedExam(int port) {
        Api admin = Api.basic(port, "admin", ADMIN_PASSWORD);
        created(admin.post("/api/v1/users", Api.obj("username", "crash-organizer", "password", PASSWORD,
                "displayName", "崩溃测试组织者", "roles", List.of("ORGANIZER"))));
        Api organizer = Api.basic(port, "crash-organizer", PASSWORD);
        long bank = created(organizer.post("/api/v1/banks", Api.obj("name", "崩溃测试题库"))).id();
        List<Map<String, Object>> abcd = List.of(Api.obj("key", "A", "text", "甲"), Api.obj("key", "B", "text", "乙"),
                Api.obj("key", "C", "text", "丙"), Api.obj("key", "D", "text", "丁"));
        for (int i = 0; i < 4; i++) {
            created(organizer.post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "SINGLE_CHOICE",
                    "stem", "单选题 " + i, "options", abcd, "answer", "B", "points", 1, "category", CATEGORY, "difficulty", 3)));
        }
        for (int i = 0; i < 2; i++) {
            created(organizer.post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "MULTIPLE_CHOICE",
                    "stem", "多选题 " + i, "options", abcd, "answer", List.of("A", "C"), "points", 2, "category", CATEGORY, "difficulty", 3)));
            created(organizer.post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "TRUE_FALSE",
                    "stem", "判断题 " + i, "answer", true, "points", 1, "category", CATEGORY, "difficulty", 3)));
        }
        created(organizer.post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "FILL_BLANK",
                "stem", "政务服务（ ）和（ ）", "answer", List.of(List.of("一网通办"), List.of("跨省通办")), "points", 2, "category", CATEGORY, "difficulty", 3)));
        created(organizer.post("/api/v1/banks/" + bank + "/questions", Api.obj("type", "SHORT_ANSWER",
                "stem", "简述“放管服”改革。", "answer", "简政放权、放管结合、优化服务", "points", 5, "category", CATEGORY, "difficulty", 3)));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long exam = created(organizer.post("/api/v1/exams", Api.obj("title", "崩溃测试考试", "bankIds", List.of(bank),
                "windowStart", now.minusMinutes(1).toString(), "windowEnd", now.plusHours(3).toString(), "durationMinutes", 180,
                "variant", "SHARED", "shuffleQuestions", false, "shuffleOptions", false,
                "sections", List.of(Api.obj("type", "SINGLE_CHOICE", "count", 4, "pointsEach", 1, "category", CATEGORY, "difficulty", 3),
                        Api.obj("type", "MULTIPLE_CHOICE", "count", 2, "pointsEach", 2, "category", CATEGORY, "difficulty", 3),
                        Api.obj("type", "TRUE_FALSE", "count", 2, "pointsEach", 1, "category", CATEGORY, "difficulty", 3),
                        Api.obj("type", "FILL_BLANK", "count", 1, "pointsEach", 2, "category", CATEGORY, "difficulty", 3),
                        Api.obj("type", "SHORT_ANSWER", "count", 1, "pointsEach", 5, "category", CATEGORY, "difficulty", 3))))).id();
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            String username = "crash-cand-" + i;
            created(admin.post("/api/v1/users", Api.obj("username", username, "password", PASSWORD,
                    "displayName", "考生" + i, "roles", List.of("CANDIDATE"))));
            usernames.add(username);
        }
        var enrolled = organizer.post("/api/v1/exams/" + exam + "/candidates", Api.obj("usernames", usernames));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        assertThat(enrolled.json().get("enrolled").asInt()).isEqualTo(CANDIDATES);
        var published = organizer.post("/api/v1/exams/" + exam + "/publish", null);
        assertThat(published.status()).as(published.toString()).isIn(200, 204);
        return exam;
    }

    /** Waits, at most a minute, until the candidates have had {@code count} more answers acknowledged by this node. */
    private static void awaitAcknowledgements(List<Candidate> candidates, int count, ArenaNode node) {
        int target = candidates.stream().mapToInt(c -> c.acknowledgedCount.get()).sum() + count;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (candidates.stream().mapToInt(c -> c.acknowledgedCount.get()).sum() < target) {
            candidates.forEach(Candidate::assertHealthy);
            assertThat(System.nanoTime()).as("%d acknowledgements within a minute; node log:\n%s", count, node.logTail())
                    .isLessThan(deadline);
            ArenaNode.sleep(50);
        }
    }

    private static void join(@Nullable Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(Duration.ofMinutes(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(thread.isAlive()).as("%s stopped within a minute", thread.getName()).isFalse();
    }

    private static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    /**
     * One candidate on its own thread. It writes one item at a time and moves to the next item only once a write is
     * acknowledged: a write that got no answer (the node died under it) is in doubt, so the same item is written again,
     * with a newer value, until a write is acknowledged. The last acknowledged value of each item is then exactly what
     * the server must hold.
     */
    private static final class Candidate {

        final String username;
        final AtomicInteger acknowledgedCount = new AtomicInteger();
        final AtomicInteger inDoubt = new AtomicInteger();
        private final long exam;
        private final Api api;
        private final long attemptId;
        private final List<JsonNode> items;
        private final Map<Integer, JsonNode> acknowledged = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private @Nullable Thread thread;
        @Nullable String submittedAt;

        Candidate(int port, long exam, String username) {
            this.username = username;
            this.exam = exam;
            var token = Api.basic(port, username, PASSWORD).post("/api/v1/auth/token", null);
            assertThat(token.status()).as(token.toString()).isEqualTo(201);
            this.api = Api.bearer(port, token.json().get("token").asText());
            JsonNode attempt = start();
            this.attemptId = attempt.get("attemptId").asLong();
            this.items = new ArrayList<>();
            attempt.get("items").forEach(items::add);
            assertThat(items).as("items of the attempt").hasSize(10);
        }

        void startSaving() {
            thread = new Thread(this::save, username);
            thread.setDaemon(true); // a failed run must not be kept alive by savers still trying a dead node
            thread.start();
        }

        /** Stops after the next acknowledged save, so that nothing of this candidate is left in doubt. */
        void stopSaving() {
            stop.set(true);
            join(thread);
        }

        private void save() {
            int index = 0;
            int version = 0;
            long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < giveUp) {
                JsonNode item = items.get(index);
                int no = item.get("no").asInt();
                JsonNode value = valueFor(item, version++);
                Integer status = statusOrNullWhenDown(() -> api.put("/api/v1/attempts/" + attemptId + "/answers/" + no,
                        Api.obj("value", value)));
                if (status == null) {
                    inDoubt.incrementAndGet();
                    ArenaNode.sleep(100);
                } else if (status == 204) {
                    acknowledged.put(no, value);
                    acknowledgedCount.incrementAndGet();
                    index = (index + 1) % items.size();
                    if (stop.get()) {
                        return;
                    }
                    ArenaNode.sleep(5);
                } else {
                    unexpected.add("PUT answer " + no + " -> " + status);
                    return;
                }
            }
            unexpected.add("gave up saving after 5 minutes");
        }

        void assertHealthy() {
            assertThat(unexpected).as("unexpected answers to %s's saves", username).isEmpty();
        }

        void assertAnswersArePresent() {
            JsonNode answers = start().get("answers");
            assertThat(acknowledged).as("%s had answers acknowledged", username).isNotEmpty();
            for (var entry : acknowledged.entrySet()) {
                assertThat(answers.get(Integer.toString(entry.getKey())))
                        .as("%s's acknowledged answer to item %d", username, entry.getKey()).isEqualTo(entry.getValue());
            }
            assertThat(answers.size()).as("%s's answered items: %s", username, answers).isEqualTo(acknowledged.size());
        }

        String submit() {
            var response = api.post("/api/v1/attempts/" + attemptId + "/submit", null);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("status").asText()).isEqualTo("SUBMITTED");
            String at = response.json().get("submittedAt").asText();
            if (submittedAt == null) {
                submittedAt = at;
            }
            return at;
        }

        void assertSaveRefusedAfterSubmit() {
            JsonNode item = items.get(0);
            var response = api.put("/api/v1/attempts/" + attemptId + "/answers/" + item.get("no").asInt(),
                    Api.obj("value", valueFor(item, 1_000_000)));
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
        }

        /** Starts or resumes the attempt: the candidate's view of it, with the answers the server holds. */
        private JsonNode start() {
            var response = api.post("/api/v1/exams/" + exam + "/attempt", null);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            return response.json();
        }

        /** A different, well-formed value for each version: which write the server kept is visible in the value. */
        private static JsonNode valueFor(JsonNode item, int version) {
            List<String> keys = new ArrayList<>();
            item.path("options").forEach(o -> keys.add(o.get("key").asText()));
            return switch (item.get("type").asText()) {
                case "SINGLE_CHOICE" -> NODES.stringNode(keys.get(version % keys.size()));
                case "MULTIPLE_CHOICE" -> {
                    int first = version % keys.size();
                    int second = (first + 1 + version / keys.size() % (keys.size() - 1)) % keys.size();
                    var value = NODES.arrayNode();
                    keys.stream().filter(k -> k.equals(keys.get(first)) || k.equals(keys.get(second))).forEach(value::add);
                    yield value;
                }
                case "TRUE_FALSE" -> NODES.booleanNode(version % 2 == 0);
                case "FILL_BLANK" -> {
                    var value = NODES.arrayNode();
                    for (int blank = 1; blank <= item.get("blanks").asInt(); blank++) {
                        value.add("v" + version + "b" + blank);
                    }
                    yield value;
                }
                default -> NODES.stringNode("第" + version + "稿：简政放权、放管结合、优化服务。");
            };
        }

        /** The status of a request, or null when the node did not answer (it is down or was killed under the request). */
        private static @Nullable Integer statusOrNullWhenDown(java.util.function.Supplier<Api.Response> request) {
            try {
                return request.get().status();
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof IOException) {
                    return null;
                }
                throw e;
            }
        }
    }
}
