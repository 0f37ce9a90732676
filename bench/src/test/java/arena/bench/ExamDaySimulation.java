package arena.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * An exam day, open model. {@code exam.candidates} candidates arrive evenly over {@code exam.arrivalSeconds}; each
 * logs in once (POST /api/v1/auth/token with Basic), starts its attempt (POST /api/v1/exams/{id}/attempt), then saves
 * an answer every {@code candidates / exam.saveRate} seconds (the first after a random part of that interval, so saves
 * spread evenly), {@code exam.saves} times, moving through its items; then, after a random pause within
 * {@code exam.submitSpreadSeconds}, submits (POST /api/v1/attempts/{id}/submit).
 * With 40,000 candidates and 1,400 saves/s each saves every 28.6 s; 40,000 submits spread over 300 s are 133/s.
 */
public class ExamDaySimulation extends Simulation {

    private static final int CANDIDATES = Bench.integer("exam.candidates", 40_000);
    private static final int ARRIVAL_SECONDS = Bench.integer("exam.arrivalSeconds", 180);
    private static final double SAVE_RATE = Bench.decimal("exam.saveRate", 1400);
    private static final int SAVES = Bench.integer("exam.saves", 18);
    private static final int SUBMIT_SPREAD_SECONDS = Bench.integer("exam.submitSpreadSeconds", 300);
    private static final Duration INTERVAL = Duration.ofMillis(Math.round(CANDIDATES / SAVE_RATE * 1000));

    private final Iterator<Map<String, Object>> usernames =
            IntStream.rangeClosed(1, CANDIDATES).<Map<String, Object>>mapToObj(i -> Map.of("username", Bench.USER_PREFIX + i)).iterator();

    /** The request bodies of this candidate's saves, one per item, by the item's type (choice keys A–D exist). */
    private static List<String> bodies(List<String> types, int round) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            int v = round + i;
            bodies.add(switch (types.get(i)) {
                case "SINGLE_CHOICE" -> "{\"value\":\"" + "ABCD".charAt(v % 4) + "\"}";
                case "MULTIPLE_CHOICE" -> v % 2 == 0 ? "{\"value\":[\"A\",\"C\"]}" : "{\"value\":[\"B\",\"D\"]}";
                case "TRUE_FALSE" -> "{\"value\":" + (v % 2 == 0) + "}";
                default -> "{\"value\":\"答案" + v + "\"}";
            });
        }
        return bodies;
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
            .pause(Duration.ZERO, INTERVAL)
            .repeat(SAVES, "round").on(
                    pace(INTERVAL)
                            .exec(session -> {
                                List<String> nos = session.getList("nos");
                                int round = session.getInt("round");
                                int i = round % nos.size();
                                return session.set("no", nos.get(i)).set("body", bodies(session.getList("types"), round).get(i));
                            })
                            .exec(http("save").put("/api/v1/attempts/#{attemptId}/answers/#{no}").header("Authorization", "Bearer #{token}")
                                    .body(StringBody("#{body}")).check(status().is(204))))
            .pause(Duration.ZERO, Duration.ofSeconds(SUBMIT_SPREAD_SECONDS))
            .exec(http("submit").post("/api/v1/attempts/#{attemptId}/submit").header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.status").is("SUBMITTED")));

    {
        setUp(candidate.injectOpen(rampUsers(CANDIDATES).during(ARRIVAL_SECONDS))).protocols(Bench.protocol());
    }
}
