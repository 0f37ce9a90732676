package cn.arena.live;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole scripted final of the Jiangyin 2021 competition through the HTTP API: the 8 finalist teams, the five rounds
 * as the template configures them, every bad command refused with its rule and nothing changed, answers absent from
 * every reader's state, events and stream until judged, and the awards from the final's scores, worked out by hand.
 */
class LiveFinalIT extends LiveTest {

    /** Marks each question's analysis, so a leak of the key anywhere before its reveal is found by a plain search. */
    static final String SECRET = "解析密文";

    String screenKey;
    final Map<Long, String> analysisOf = new HashMap<>();

    /** True/false questions of the final's bank whose analysis holds the secret marker. */
    List<Long> questions(long bank, String round, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            var q = host.post("/api/v1/banks/" + bank + "/questions", obj("type", "TRUE_FALSE", "stem", round + "第" + i + "题：政务服务事项实行清单管理",
                    "answer", true, "analysis", SECRET + round + i, "points", 10, "difficulty", 3, "category", "决赛"));
            assertThat(q.status()).as(q.toString()).isEqualTo(201);
            ids.add(q.id());
            analysisOf.put(q.id(), SECRET + round + i);
        }
        return ids;
    }

    /** The command is refused with this status (and rule) and the log has not moved. */
    void refused(int status, @Nullable String rule, String type, Object... args) {
        long before = seq();
        var r = send(type, args);
        assertThat(r.status()).as(type + " " + r).isEqualTo(status);
        if (rule != null) {
            assertThat(r.json().get("rule").asString()).isEqualTo(rule);
            assertThat(r.json().get("detail").asString()).isNotBlank();
        }
        assertThat(seq()).as("nothing changed").isEqualTo(before);
    }

    /** What every reader but the host sees now has no answer: the screen (by key), a finalist, the events. */
    void noAnswerForReaders() {
        JsonNode hostState = host.get(live + "/host").json();
        JsonNode current = hostState.get("current");
        if (current == null || current.isNull() || !current.has("question")) {
            return;
        }
        boolean revealed = current.get("phase").asString().equals("REVEALED");
        String screen = anonymous().get(live + "?key=" + screenKey).text();
        String terminal = Api.bearer(port, f.finalists().get(0).get(0)).get(live).text();
        String events = anonymous().get(live + "/events?key=" + screenKey).text();
        assertThat(events).doesNotContain(SECRET);
        if (!revealed) {
            assertThat(current.has("answer")).as("the host sees the answer early").isTrue();
            assertThat(current.get("analysis").asString()).startsWith(SECRET);
            assertThat(screen).doesNotContain(SECRET).doesNotContain("\"answer\"");
            assertThat(terminal).doesNotContain(SECRET).doesNotContain("\"answer\"");
        } else {
            assertThat(screen).contains(current.get("analysis").asString());
        }
    }

    JsonNode next(Object... args) {
        JsonNode s = command("NEXT_QUESTION", args);
        noAnswerForReaders();
        return s;
    }

    JsonNode judge(boolean correct) {
        JsonNode s = command("JUDGE", "correct", correct);
        noAnswerForReaders();
        return s;
    }

    @Test
    void runsAWholeJiangyinFinalOfFiveRoundsForItsEightFinalistTeams() throws Exception {
        finalOfEightTeams();

        // the template's rounds, READY, with the 8 teams in standing order at the base score
        JsonNode ready = host.get(live).json();
        assertThat(ready.get("status").asString()).isEqualTo("READY");
        assertThat(ready.get("seq").asLong()).isZero();
        assertThat(ready.get("baseScore").decimalValue()).isEqualByComparingTo("100");
        assertThat(ready.get("rounds")).extracting(r -> r.get("kind").asString()).containsExactly("SPEED", "BUZZER", "RELAY", "RISK", "ESSAY");
        assertThat(ready.get("rounds").get(3).get("tiers").toString()).isEqualTo("[10,20,30]");
        assertThat(ready.get("teams")).extracting(t -> t.get("teamId").asLong()).containsExactlyElementsOf(f.teams());
        screenKey = host.get(live + "/screen-key").json().get("key").asString();
        assertThat(anonymous().get(live).status()).as("no key, no login").isEqualTo(401);
        assertThat(anonymous().get(live + "?key=nope").status()).isEqualTo(404);
        assertThat(Api.bearer(port, f.finalists().get(0).get(0)).get(live + "/host").status()).isEqualTo(403);
        assertThat(Api.bearer(port, f.finalists().get(0).get(0)).post(live + "/commands", obj("commandId", "x", "type", "START")).status())
                .isEqualTo(403);

        // the stage's judges: four of the city, one of seat 1's own unit (recused for it)
        List<String> judges = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            judges.add(user("JUDGE", f.city()));
        }
        judges.add(user("JUDGE", f.units().get(0)));
        assertThat(host.post("/api/v1/stages/" + f.finalStage() + "/judges", obj("usernames", judges)).status()).isEqualTo(200);

        // the question set: too few for a round is refused naming it
        long bank = host.post("/api/v1/banks", obj("name", unique("决赛题库"))).id();
        List<Long> speed = questions(bank, "速答", 16);
        List<Long> buzzer = questions(bank, "抢答", 10);
        List<Long> relay = questions(bank, "接力", 24);
        List<Long> risk10 = questions(bank, "风险10分", 4);
        List<Long> risk20 = questions(bank, "风险20分", 4);
        List<Long> risk30 = questions(bank, "风险30分", 4);
        List<Long> essay = questions(bank, "论述", 8);
        var tooFew = host.put(live + "/questions", obj("rounds", List.of(obj("round", 1, "questionIds", speed.subList(0, 15)),
                obj("round", 2, "questionIds", buzzer), obj("round", 3, "questionIds", relay),
                obj("round", 4, "tiers", List.of(obj("tier", 10, "questionIds", risk10), obj("tier", 20, "questionIds", risk20),
                        obj("tier", 30, "questionIds", risk30))), obj("round", 5, "questionIds", essay))));
        assertThat(tooFew.status()).isEqualTo(422);
        assertThat(tooFew.json().get("errors").get(0).get("message").asString()).contains("速答题").contains("16").contains("15");
        refused(409, "NOT_RUNNING", "NEXT_ROUND");
        refused(409, "QUESTIONS_MISSING", "START");
        var loaded = host.put(live + "/questions", obj("rounds", List.of(obj("round", 1, "questionIds", speed),
                obj("round", 2, "questionIds", buzzer), obj("round", 3, "questionIds", relay),
                obj("round", 4, "tiers", List.of(obj("tier", 10, "questionIds", risk10), obj("tier", 20, "questionIds", risk20),
                        obj("tier", 30, "questionIds", risk30))), obj("round", 5, "questionIds", essay))));
        assertThat(loaded.status()).as(loaded.toString()).isEqualTo(204);

        // a screen follows the stream from the start
        var screenLines = Collections.synchronizedList(new ArrayList<String>());
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> stream = client.sendAsync(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + live + "/stream?key=" + screenKey)).build(), HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(r -> r.body().forEach(screenLines::add));

        // START: a repeated commandId does nothing again and answers as the first time
        Map<String, Object> start = obj("commandId", "start-1", "type", "START");
        var started = host.post(live + "/commands", start);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        var again = host.post(live + "/commands", start);
        assertThat(again.json().get("seq").asLong()).isEqualTo(started.json().get("seq").asLong()).isEqualTo(1);
        assertThat(again.json().get("state").get("status").asString()).isEqualTo("RUNNING");
        assertThat(seq()).isEqualTo(1);
        assertThat(host.put(live + "/rounds", obj("baseScore", 50, "rounds", ready.get("rounds"))).status()).isEqualTo(409);
        refused(409, "ALREADY_STARTED", "START");
        refused(409, "NO_ROUND", "NEXT_QUESTION");

        // 1 SPEED: seat order, twice; right on the first pass for seats 1, 3, 5, 7; on the second for 1–4
        command("NEXT_ROUND");
        for (int pass = 0; pass < 2; pass++) {
            for (int seat = 1; seat <= 8; seat++) {
                JsonNode s = next();
                assertThat(s.get("current").get("teamId").asLong()).isEqualTo(team(seat));
                assertThat(s.get("current").get("phase").asString()).isEqualTo("ANSWERING");
                if (pass == 0 && seat == 2) {
                    refused(409, "QUESTION_NOT_OVER", "NEXT_QUESTION");
                    refused(409, "ROUND_NOT_OVER", "NEXT_ROUND");
                    refused(422, null, "JUDGE");
                }
                boolean right = pass == 0 ? seat % 2 == 1 : seat <= 4;
                if (!right && seat == 8) {
                    command("TIMEOUT");
                } else {
                    judge(right);
                }
            }
        }
        refused(409, "ROUND_OVER", "NEXT_QUESTION");

        // 2 BUZZER
        command("NEXT_ROUND");
        refused(409, "NOT_SHOWN", "OPEN");
        assertThat(buzz(1)).as("no question shown").isEqualTo("CLOSED");
        next();
        assertThat(buzz(2)).isEqualTo("EARLY");
        assertThat(buzz(2)).isEqualTo("LOCKED");
        refused(409, "NO_ANSWERER", "JUDGE", "correct", true);
        command("OPEN");
        noAnswerForReaders();
        assertThat(buzz(3)).isEqualTo("WON");
        assertThat(buzz(4)).isEqualTo("LATE");
        assertThat(buzz(2)).isEqualTo("LOCKED");
        assertThat(Api.bearer(port, f.others().get(4)).post(live + "/buzz", null).status()).as("not a finalist").isEqualTo(403);
        judge(true);
        next();
        command("OPEN");
        assertThat(buzz(5)).isEqualTo("WON");
        judge(false);
        assertThat(buzz(6)).as("a wrong answer ends the question").isEqualTo("CLOSED");
        next();
        command("OPEN");
        command("TIMEOUT");
        for (int seat : new int[] {6, 6, 7, 8, 8, 1, 2}) {
            next();
            command("OPEN");
            assertThat(buzz(seat)).isEqualTo("WON");
            judge(true);
        }

        // 3 RELAY: each team's three finalists in order; RRR, WRR, RWR, WWW, RRW, WWR, RRR, WRW
        command("NEXT_ROUND");
        String[] relayAnswers = {"RRR", "WRR", "RWR", "WWW", "RRW", "WWR", "RRR", "WRW"};
        for (int seat = 1; seat <= 8; seat++) {
            for (int member = 0; member < 3; member++) {
                JsonNode s = next();
                assertThat(s.get("current").get("teamId").asLong()).isEqualTo(team(seat));
                assertThat(s.get("current").has("personId")).isTrue();
                judge(relayAnswers[seat - 1].charAt(member) == 'R');
            }
        }
        assertScores(190, 150, 160, 110, 130, 140, 180, 130);

        // 4 RISK: lowest score chooses first (equal: lower seat)
        command("NEXT_ROUND");
        refused(422, null, "NEXT_QUESTION");
        risk(4, 30, true);   // 110 → 140
        risk(5, 30, false);  // 130 (seat 5 before seat 8) → 100
        risk(8, 30, true);   // 130 → 160
        risk(6, 30, true);   // 140 → 170; the 30 tier is used up
        refused(409, "TIER_EXHAUSTED", "NEXT_QUESTION", "tier", 30);
        risk(2, 20, true);   // 150 → 170
        JsonNode declined = command("NEXT_QUESTION", "tier", null);
        assertThat(declined.get("teams").get(2).get("score").decimalValue()).isEqualByComparingTo("160");
        risk(7, 10, false);  // 180 → 170
        risk(1, 20, true);   // 190 → 210
        assertScores(210, 170, 160, 140, 100, 170, 170, 160);

        // 5 ESSAY: the five judges score each team in seat order; the judge of seat 1's unit is recused for it
        command("NEXT_ROUND");
        double[][] marks = {{18, 16, 15, 17, -1}, {15, 16, 17, 18, 19}, {10, 12, 13, 14, 20}, {12, 12, 12, 12, 12},
                {20, 20, 20, 20, 20}, {14.5, 15, 15.5, 16, 10}, {14.5, 15, 15.5, 16, 10}, {13, 13.33, 13.34, 13.35, 20}};
        String outsider = user("JUDGE", f.city());
        for (int seat = 1; seat <= 8; seat++) {
            next();
            String essayPath = live + "/essay/" + team(seat);
            if (seat == 1) {
                var recused = as(judges.get(4)).put(essayPath, obj("points", 10));
                assertThat(recused.status()).isEqualTo(409);
                assertThat(recused.json().get("rule").asString()).isEqualTo("RECUSAL");
                assertThat(as(judges.get(4)).get(live).json().get("recusedFor")).as("the pad explains it beforehand")
                        .extracting(JsonNode::asLong).containsExactly(team(1));
                assertThat(as(judges.get(0)).get(live).json().has("recusedFor")).isFalse();
                assertThat(as(outsider).put(essayPath, obj("points", 10)).status()).as("not on the panel").isEqualTo(403);
                assertThat(as(judges.get(0)).put(essayPath, obj("points", 21)).status()).isEqualTo(422);
                assertThat(as(judges.get(0)).put(live + "/essay/" + team(2), obj("points", 10)).status()).isEqualTo(409);
                assertThat(as(judges.get(0)).put(essayPath, obj("points", 3)).status()).isEqualTo(204);
            }
            for (int j = 0; j < 5; j++) {
                if (marks[seat - 1][j] < 0) {
                    continue;
                }
                if (seat == 1 && j == 2) {
                    refused(409, "SCORES_MISSING", "JUDGE");
                }
                var scored = as(judges.get(j)).put(essayPath, obj("points", BigDecimal.valueOf(marks[seat - 1][j])));
                assertThat(scored.status()).as(scored.toString()).isEqualTo(204);
            }
            noAnswerForReaders();
            command("JUDGE");
        }
        // 16.50, 17, 13, 12, 20, 15, 15, 13.34
        assertScores(226.5, 187, 173, 152, 120, 185, 185, 173.34);

        // a jury ruling and its undo, each with a reason; then one that stands
        refused(422, null, "ADJUST", "teamId", team(5), "points", 5);
        command("ADJUST", "teamId", team(5), "points", 5, "reason", "仲裁：第2题计分有误");
        command("UNDO", "reason", "复核后维持原判");
        command("ADJUST", "teamId", team(4), "points", -2, "reason", "仲裁：提示违规");
        refused(409, "NO_MORE_ROUNDS", "NEXT_ROUND");
        JsonNode events = host.get(live + "/events?after=0").json().get("events");
        JsonNode undo = events.get(events.size() - 2);
        assertThat(undo.get("type").asString()).isEqualTo("UNDONE");
        assertThat(undo.get("points").decimalValue()).isEqualByComparingTo("-5");
        assertThat(undo.get("reason").asString()).isEqualTo("复核后维持原判");

        // base + the sum of a team's points in the log is its score
        for (int seat = 1; seat <= 8; seat++) {
            BigDecimal sum = new BigDecimal("100");
            for (JsonNode e : events) {
                if (e.has("points") && e.get("teamId").asLong() == team(seat)) {
                    sum = sum.add(e.get("points").decimalValue());
                }
            }
            assertThat(sum).isEqualByComparingTo(host.get(live).json().get("teams").get(seat - 1).get("score").decimalValue());
        }

        JsonNode finished = command("FINISH");
        assertThat(finished.get("status").asString()).isEqualTo("FINISHED");
        refused(409, "NOT_RUNNING", "NEXT_ROUND");

        // awards from the final: 226.5 | 187 | 185, 185 (shared 3rd) | 173.34, 173, 150, 120
        JsonNode awards = host.get("/api/v1/competitions/" + f.competition() + "/awards").json().get("team");
        List<String> rows = new ArrayList<>();
        for (JsonNode a : awards) {
            rows.add(a.get("award").asString() + " " + a.get("rank").asInt() + " S" + (f.teams().indexOf(a.get("teamId").asLong()) + 1) + " "
                    + a.get("score").decimalValue().stripTrailingZeros().toPlainString());
        }
        assertThat(rows).containsExactly("FIRST 1 S1 226.5", "SECOND 2 S2 187", "SECOND 3 S6 185", "SECOND 3 S7 185",
                "THIRD 5 S8 173.34", "THIRD 6 S3 173", "THIRD 7 S4 150", "THIRD 8 S5 120");

        // the screen's stream got every event in order, and a question's key only in the state after it was judged
        long last = seq();
        String lastData = "data:{\"seq\":" + last + ",";
        for (int i = 0; i < 100 && screenLines.stream().noneMatch(l -> l.startsWith(lastData)); i++) {
            Thread.sleep(100);
        }
        List<Long> ids = screenLines.stream().filter(l -> l.startsWith("id:")).map(l -> Long.parseLong(l.substring(3).strip())).toList();
        assertThat(ids).hasSize((int) last);
        assertThat(ids).isSorted();
        for (String line : screenLines.stream().filter(l -> l.startsWith("data:")).toList()) {
            JsonNode current = LiveStore.JSON.readTree(line.substring("data:".length())).path("state").path("current");
            boolean revealed = current.has("phase") && current.get("phase").asString().equals("REVEALED");
            assertThat(revealed ? line.replace(current.get("analysis").asString(), "") : line).doesNotContain(SECRET);
        }
        // and its last event carries the state after it, as the screen would fetch it: the screen shows it without asking
        String lastEvent = screenLines.stream().filter(l -> l.startsWith(lastData)).findFirst().orElseThrow();
        ObjectNode carried = (ObjectNode) LiveStore.JSON.readTree(lastEvent.substring("data:".length())).get("state");
        ObjectNode fetched = (ObjectNode) host.get(live + "?key=" + screenKey).json();
        carried.remove("serverTime");
        fetched.remove("serverTime");
        assertThat(carried).isEqualTo(fetched);
        stream.thenAccept(r -> r.body().close());
    }

    void risk(int seat, int tier, boolean right) {
        JsonNode s = next("tier", tier);
        assertThat(s.get("current").get("teamId").asLong()).as("whose turn").isEqualTo(team(seat));
        assertThat(s.get("current").get("tier").asInt()).isEqualTo(tier);
        judge(right);
    }

    void assertScores(double... scores) {
        JsonNode teams = anonymous().get(live + "?key=" + screenKey).json().get("teams");
        for (int seat = 1; seat <= 8; seat++) {
            assertThat(teams.get(seat - 1).get("score").decimalValue()).as("seat " + seat).isEqualByComparingTo(BigDecimal.valueOf(scores[seat - 1]));
        }
    }
}
