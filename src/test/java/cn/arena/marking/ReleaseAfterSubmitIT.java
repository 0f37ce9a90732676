package cn.arena.marking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Objective items are marked on submit: a release issued the moment the last submit returns finds them marked. */
class ReleaseAfterSubmitIT extends MarkingTest {

    static final int ROUNDS = 50;
    static final int THREADS = 5;

    @Test
    void releaseRightAfterTheLastSubmitOfAnObjectiveExamNeverAnswers409() throws Exception {
        String organizer = user("ORGANIZER");
        long bank = as(organizer).post("/api/v1/banks", Api.obj("name", "客观题库")).id();
        addQuestions(organizer, bank);
        List<Map<String, Object>> objective = List.of(
                Api.obj("type", "SINGLE_CHOICE", "count", 1, "pointsEach", 2),
                Api.obj("type", "MULTIPLE_CHOICE", "count", 1, "pointsEach", 4),
                Api.obj("type", "TRUE_FALSE", "count", 1, "pointsEach", 2),
                Api.obj("type", "FILL_BLANK", "count", 1, "pointsEach", 4));
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            candidates.add(user("CANDIDATE"));
        }
        // Every client is made here, so the threads below only read the client cache.
        Api org = as(organizer);
        candidates.forEach(this::as);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> rounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                String candidate = candidates.get(round % THREADS);
                int n = round;
                rounds.add(pool.submit(() -> {
                    long exam = createExam(organizer, bank, "客观题速测 " + n, null, objective);
                    enrolAndPublish(organizer, exam, List.of(candidate));
                    Sitting s = start(candidate, exam);
                    answer(s, TF, true);
                    answer(s, SINGLE, s.key(SINGLE, "数据共享、业务协同"));
                    var submitted = as(candidate).post("/api/v1/attempts/" + s.attemptId() + "/submit", null);
                    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);

                    var released = org.post("/api/v1/exams/" + exam + "/release", null);
                    assertThat(released.status()).as("round " + n + ": " + released).isEqualTo(200);
                    assertThat(released.json().get("marked").asInt()).isEqualTo(1);
                    assertThat(released.json().get("unmarked").asInt()).isZero();
                    var result = as(candidate).get("/api/v1/attempts/" + s.attemptId() + "/result");
                    assertThat(result.status()).as(result.toString()).isEqualTo(200);
                    assertThat(result.json().get("score").asDouble()).isEqualTo(4.0);
                    return null;
                }));
            }
            for (Future<?> round : rounds) {
                round.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
