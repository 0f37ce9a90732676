package cn.arena.crash;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The practice job on real processes sharing one PostgreSQL (skipped without one): two nodes whose clocks cross
 * Monday 1 June 2026 00:00 Beijing time together — week 2026-W22 and the May contest close, May is over, and the
 * paper of 2026-W24 falls due — and between them each paper is made, each sitting released and each title awarded
 * exactly once; then, with every node down over the next Monday, a node started afterwards catches up on what it
 * missed. The clock is {@code ARENA_CLOCK_START}; each node tries the job every second.
 */
class PracticeNodesIT {

    private static final String ADMIN_PASSWORD = "Practice-Admin-2026!";
    private static final String MEMBER_PASSWORD = "Practice-Member-2026!";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration WAIT = Duration.ofSeconds(240);

    @Test
    void twoNodesMakeReleaseAndAwardEachOnceAndALateNodeCatchesUp(@TempDir Path dir) throws Exception {
        try (var database = ScratchDatabase.create("arena_practice_")) {
            // Sunday 31 May 2026, 19:00 Beijing: the programme, a member who studies and sits W22 and the May contest.
            Programme p;
            try (var setup = node(dir, "setup", database, "2026-05-31T11:00:00Z")) {
                setup.start(START_TIMEOUT);
                p = Programme.make(setup.port());
                JsonNode may = p.calendar("2026-05");
                assertThat(p.weekExam(may, "2026-W22")).isNotNull();
                assertThat(may.get("monthly").get("examId").isNull()).as("the May contest's window is open").isFalse();
                p.study();
                p.sit(p.weekExam(may, "2026-W22"));
                p.sit(may.get("monthly").get("examId").asLong());
                awaitThat(() -> count(database, "select count(*) from marking_attempt") == 2, "both attempts are marked");
                assertThat(p.weekExam(p.calendar("2026-06"), "2026-W24")).as("W24 is not due yet").isNull();
            }

            // Two nodes, both clocks a minute before Monday 1 June 00:00 Beijing.
            try (var a = node(dir, "a", database, "2026-05-31T15:59:00Z"); var b = node(dir, "b", database, "2026-05-31T15:59:00Z")) {
                CompletableFuture<Void> startingB = CompletableFuture.runAsync(() -> b.start(START_TIMEOUT));
                a.start(START_TIMEOUT);
                startingB.join();
                Programme onA = p.on(a.port());
                Programme onB = p.on(b.port());
                awaitThat(() -> onA.titles().containsAll(List.of("DAILY_STAR 2026-05", "WEEKLY_ACE 2026-W22"))
                        && onB.board("MONTH", "2026-05") == 1 && onB.weekExam(onB.calendar("2026-06"), "2026-W24") != null,
                        "the job did the work of the boundary");
                // let both nodes run the job a few more times past the boundary before counting
                Thread.sleep(5_000);
                assertThat(onA.board("WEEK", "2026-W22")).isEqualTo(1);
                assertThat(onB.titles()).containsExactly("DAILY_STAR 2026-05", "WEEKLY_ACE 2026-W22");
                assertThat(count(database, "select count(*) from exam where title like '%2026-W24'")).as("W24's paper, once").isEqualTo(1);
                assertThat(count(database, "select count(*) from (select title from exam group by title having count(*) > 1) twice"))
                        .as("no paper made twice").isZero();
                assertThat(count(database, "select count(*) from marking_release")).as("W22 and May released, once each").isEqualTo(2);
                assertThat(count(database, "select count(*) from practice_score where kind <> 'YEAR'")).as("W22's and May's scores, once each")
                        .isEqualTo(2);
                assertThat(count(database, "select count(*) from practice_score where kind = 'YEAR'")).as("the year's board after May, once")
                        .isEqualTo(1);
                assertThat(count(database, "select count(*) from practice_title")).isEqualTo(2);
                assertThat(onA.calendar("2026-06")).isEqualTo(onB.calendar("2026-06"));
                // W23 is open now; the member sits it on B
                onB.sit(onB.weekExam(onB.calendar("2026-06"), "2026-W23"));
                awaitThat(() -> count(database, "select count(*) from marking_attempt") == 3, "W23's attempt is marked");
            }

            // Every node was down over Monday 8 June 00:00: W23 closed, W25 fell due. A node started after catches up.
            try (var late = node(dir, "late", database, "2026-06-07T16:00:30Z")) {
                late.start(START_TIMEOUT);
                Programme onLate = p.on(late.port());
                awaitThat(() -> onLate.titles().contains("WEEKLY_ACE 2026-W23") && onLate.weekExam(onLate.calendar("2026-06"), "2026-W25") != null,
                        "the late node caught up");
                assertThat(onLate.board("WEEK", "2026-W23")).isEqualTo(1);
                assertThat(count(database, "select count(*) from exam where title like '%2026-W25'")).isEqualTo(1);
                assertThat(count(database, "select count(*) from practice_title")).isEqualTo(3);
            }
        }
    }

    private static ArenaNode node(Path dir, String name, ScratchDatabase database, String clockStart) throws Exception {
        Map<String, String> environment = new HashMap<>(database.environment);
        environment.put("ARENA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("ARENA_DEMO", "false");
        environment.put("ARENA_CLOCK_START", clockStart);
        environment.put("ARENA_PRACTICE_SCHEDULE_INTERVAL", "1s");
        environment.put("ARENA_PRACTICE_SCHEDULE_DELAY", "1s");
        return new ArenaNode(Files.createDirectories(dir.resolve(name)), environment);
    }

    private static long count(ScratchDatabase database, String sql) {
        try {
            return database.count(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls a condition of the running processes (they do their work on their own time) until it holds or {@link #WAIT} ends. */
    private static void awaitThat(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within %s: %s", WAIT, what).isLessThan(deadline);
            ArenaNode.sleep(500);
        }
    }

    /** A programme of 2026 over a bank of true/false questions (all true), with one member in one city. */
    private record Programme(int port, long id, String username) {

        static Programme make(int port) {
            Api admin = Api.basic(port, "admin", ADMIN_PASSWORD);
            long province = created(admin.post("/api/v1/org-units", obj("name", "演练省", "kind", "PROVINCE", "parentId", null)));
            long city = created(admin.post("/api/v1/org-units", obj("name", "演练市", "kind", "CITY", "parentId", province)));
            long bank = created(admin.post("/api/v1/banks", obj("name", "练兵题库")));
            for (int i = 1; i <= 10; i++) {
                created(admin.post("/api/v1/banks/" + bank + "/questions", obj("type", "TRUE_FALSE", "stem", "判断题" + i + "：可以全程网办。",
                        "answer", true, "analysis", "解析", "category", "营商环境", "difficulty", 1, "points", 1)));
            }
            created(admin.post("/api/v1/users", obj("username", "member1", "password", MEMBER_PASSWORD, "displayName", "学员甲",
                    "roles", List.of("CANDIDATE"), "orgUnitId", city)));
            long id = created(admin.post("/api/v1/practice/programmes", obj("name", "2026年练兵比武", "orgUnitId", province,
                    "bankIds", List.of(bank), "year", 2026, "rules", obj("daily", obj("questions", 2, "starDays", 1),
                            "weekly", obj("questions", 2, "aceTop", 1), "monthly", obj("questions", 2), "annualTop", 1))));
            return new Programme(port, id, "member1");
        }

        Programme on(int otherPort) {
            return new Programme(otherPort, id, username);
        }

        Api member() {
            return Api.basic(port, username, MEMBER_PASSWORD);
        }

        String base() {
            return "/api/v1/practice/programmes/" + id;
        }

        JsonNode calendar(String month) {
            return ok(Api.basic(port, "admin", ADMIN_PASSWORD).get(base() + "/calendar?month=" + month));
        }

        @org.jspecify.annotations.Nullable Long weekExam(JsonNode calendar, String week) {
            for (JsonNode w : calendar.get("weeks")) {
                if (w.get("week").asText().equals(week)) {
                    return w.get("examId").isNull() ? null : w.get("examId").asLong();
                }
            }
            throw new AssertionError(week + " is not in " + calendar);
        }

        void study() {
            for (JsonNode item : ok(member().get(base() + "/daily")).get("items")) {
                ok(member().put(base() + "/daily/answers/" + item.get("no").asInt(), obj("value", true)));
            }
        }

        void sit(long examId) {
            JsonNode started = ok(member().post("/api/v1/exams/" + examId + "/attempt", null));
            long attempt = started.get("attemptId").asLong();
            for (JsonNode item : started.get("items")) {
                assertThat(member().put("/api/v1/attempts/" + attempt + "/answers/" + item.get("no").asInt(), obj("value", true)).status())
                        .isEqualTo(204);
            }
            ok(member().post("/api/v1/attempts/" + attempt + "/submit", null));
        }

        List<String> titles() {
            List<String> titles = new ArrayList<>();
            ok(member().get(base() + "/me")).get("titles").forEach(t -> titles.add(t.get("code").asText() + " " + t.get("period").asText()));
            return titles;
        }

        int board(String period, String key) {
            return ok(member().get(base() + "/leaderboard?period=" + period + "&key=" + key)).get("total").asInt();
        }

        private static JsonNode ok(Api.Response r) {
            assertThat(r.status()).as(r.toString()).isBetween(200, 201);
            return r.json();
        }

        private static long created(Api.Response r) {
            return ok(r).get("id").asLong();
        }
    }
}
