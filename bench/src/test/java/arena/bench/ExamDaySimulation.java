package arena.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * An exam day, open model, in three phases on one clock:
 * <ol>
 * <li><b>arrival</b>: {@code exam.candidates} candidates arrive evenly over {@code exam.arrivalSeconds}; each logs in
 * once (POST /api/v1/auth/token with Basic), starts its attempt (POST /api/v1/exams/{id}/attempt) and then saves an
 * answer every {@code candidates / exam.saveRate} seconds, the first after a random part of that interval so saves
 * spread evenly, moving through its items;</li>
 * <li><b>all saving</b>: from one interval after the last arrival, every candidate is saving: {@code exam.saveRate}
 * saves/s for {@code exam.steadySeconds}. These saves are named "save-steady" (the others "save-arrival") so Gatling's statistics of that
 * name are exactly the target's window;</li>
 * <li><b>submit</b>: at the end of that window the candidates stop saving and each submits at a random moment within
 * {@code exam.submitSeconds} (POST /api/v1/attempts/{id}/submit), as at an exam's end.</li>
 * </ol>
 * With 40,000 candidates and 1,400 saves/s each saves every 28.6 s; 40,000 submits within 300 s are 133/s.
 */
public class ExamDaySimulation extends Simulation {

    private static final int CANDIDATES = Bench.integer("exam.candidates", 40_000);
    private static final int ARRIVAL_SECONDS = Bench.integer("exam.arrivalSeconds", 600);
    private static final double SAVE_RATE = Bench.decimal("exam.saveRate", 1400);
    private static final int STEADY_SECONDS = Bench.integer("exam.steadySeconds", 300);
    private static final int SUBMIT_SECONDS = Bench.integer("exam.submitSeconds", 300);
    private static final long INTERVAL_MILLIS = Math.round(CANDIDATES / SAVE_RATE * 1000);
    static final String SAVE_ARRIVAL = "save-arrival";
    static final String SAVE_STEADY = "save-steady";

    /** When the simulation's clock started; the phases are offsets from it. */
    private static volatile long startMillis;

    private final Iterator<Map<String, Object>> usernames =
            IntStream.rangeClosed(1, CANDIDATES).<Map<String, Object>>mapToObj(i -> Map.of("username", Bench.USER_PREFIX + i)).iterator();

    private static long steadyFrom() {
        return startMillis + ARRIVAL_SECONDS * 1000L + INTERVAL_MILLIS;
    }

    private static long steadyUntil() {
        return steadyFrom() + STEADY_SECONDS * 1000L;
    }

    /** The request body of this candidate's save to item {@code i} in round {@code round} (choice keys A–D exist). */
    private static String body(String type, int i, int round) {
        int v = round + i;
        return switch (type) {
            case "SINGLE_CHOICE" -> "{\"value\":\"" + "ABCD".charAt(v % 4) + "\"}";
            case "MULTIPLE_CHOICE" -> v % 2 == 0 ? "{\"value\":[\"A\",\"C\"]}" : "{\"value\":[\"B\",\"D\"]}";
            case "TRUE_FALSE" -> "{\"value\":" + (v % 2 == 0) + "}";
            default -> "{\"value\":\"答案" + v + "\"}";
        };
    }

    private static Session nextSave(Session session) {
        List<String> nos = session.getList("nos");
        List<String> types = session.getList("types");
        int round = session.getInt("round");
        int i = round % nos.size();
        long now = System.currentTimeMillis();
        String name = now >= steadyFrom() ? SAVE_STEADY : SAVE_ARRIVAL;
        return session.set("no", nos.get(i)).set("body", body(types.get(i), i, round)).set("saveName", name)
                .set("nextAt", session.getLong("nextAt") + INTERVAL_MILLIS);
    }

    private static Duration until(long at) {
        return Duration.ofMillis(Math.max(0, at - System.currentTimeMillis()));
    }

    private static Duration untilSubmit(Session session) {
        return until(steadyUntil() + ThreadLocalRandom.current().nextLong(SUBMIT_SECONDS * 1000L));
    }

    private final ScenarioBuilder candidate = scenario("candidate")
            .feed(usernames)
            .exec(http("login").post("/api/v1/auth/token").basicAuth("#{username}", Bench.PASSWORD)
                    .check(status().is(201), jsonPath("$.token").saveAs("token")))
            .exitHereIfFailed()
            .exec(http("start").post("/api/v1/exams/" + Bench.EXAM + "/attempt").header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.attemptId").saveAs("attemptId"),
                            jsonPath("$.items[*].no").findAll().saveAs("nos"),
                            jsonPath("$.items[*].type").findAll().saveAs("types")))
            .exitHereIfFailed()
            // The first save after a random part of the interval, so saves spread evenly; then one every interval, on
            // the candidate's own schedule, until the window of all saving ends.
            .exec(session -> session.set("nextAt", System.currentTimeMillis() + ThreadLocalRandom.current().nextLong(INTERVAL_MILLIS)))
            .asLongAs(session -> session.getLong("nextAt") < steadyUntil(), "round").on(
                    pause(session -> until(session.getLong("nextAt")))
                            .exec(ExamDaySimulation::nextSave)
                            .exec(http("#{saveName}").put("/api/v1/attempts/#{attemptId}/answers/#{no}")
                                    .header("Authorization", "Bearer #{token}")
                                    .body(StringBody("#{body}")).check(status().is(204))))
            .pause(ExamDaySimulation::untilSubmit)
            .exec(http("submit").post("/api/v1/attempts/#{attemptId}/submit").header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.status").is("SUBMITTED")));

    @Override
    public void before() {
        startMillis = System.currentTimeMillis();
    }

    {
        setUp(candidate.injectOpen(rampUsers(CANDIDATES).during(ARRIVAL_SECONDS))).protocols(Bench.protocol());
    }
}
