package cn.arena.live;

import static cn.arena.support.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Eight terminals buzz at the same moment on every one of 200 buzzer questions: exactly one WON each, every buzz logged. */
class LiveBuzzRaceIT extends LiveTest {

    static final int QUESTIONS = 200;

    @Test
    void eightTeamsBuzzingAtOnceGetExactlyOneWinnerOnEachOf200Questions() throws Exception {
        finalOfEightTeams();
        assertThat(host.put(live + "/rounds", obj("baseScore", 100, "rounds", List.of(obj("no", 1, "kind", "BUZZER", "name", "抢答题",
                "questions", QUESTIONS, "points", 10, "foul", 10, "seconds", 20)))).status()).isEqualTo(204);
        long bank = host.post("/api/v1/banks", obj("name", unique("抢答题库"))).id();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < QUESTIONS; i++) {
            ids.add(host.post("/api/v1/banks/" + bank + "/questions", obj("type", "TRUE_FALSE", "stem", "抢答第" + i + "题", "answer", true,
                    "points", 10, "difficulty", 3, "category", "决赛")).id());
        }
        assertThat(host.put(live + "/questions", obj("rounds", List.of(obj("round", 1, "questionIds", ids)))).status()).isEqualTo(204);
        command("START");
        command("NEXT_ROUND");

        List<Api> terminals = f.finalists().stream().map(tokens -> Api.bearer(port, tokens.get(0))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int q = 0; q < QUESTIONS; q++) {
                command("NEXT_QUESTION");
                command("OPEN");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (Api terminal : terminals) {
                    results.add(pool.submit(() -> {
                        go.await();
                        var r = terminal.post(live + "/buzz", null);
                        assertThat(r.status()).as(r.toString()).isEqualTo(200);
                        return r.json().get("result").asString();
                    }));
                }
                go.countDown();
                List<String> got = new ArrayList<>();
                for (Future<String> r : results) {
                    got.add(r.get());
                }
                assertThat(got).as("question " + q).containsOnly("WON", "LATE").filteredOn("WON"::equals).hasSize(1);
                command("JUDGE", "correct", true);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode events = host.get(live + "/events?after=0").json().get("events");
        Map<String, Long> wonPerQuestion = new java.util.HashMap<>();
        int buzzes = 0;
        for (JsonNode e : events) {
            if (e.get("type").asString().equals("BUZZED")) {
                buzzes++;
                if (e.get("result").asString().equals("WON")) {
                    wonPerQuestion.merge(e.get("questionId").asString(), 1L, Long::sum);
                }
            }
        }
        assertThat(buzzes).as("every buzz is in the log").isEqualTo(8 * QUESTIONS);
        assertThat(wonPerQuestion).hasSize(QUESTIONS).allSatisfy((q, n) -> assertThat(n).isEqualTo(1));
        int total = 0;
        for (JsonNode t : host.get(live).json().get("teams")) {
            total += t.get("score").asInt() - 100;
        }
        assertThat(total).isEqualTo(10 * QUESTIONS);
    }
}
