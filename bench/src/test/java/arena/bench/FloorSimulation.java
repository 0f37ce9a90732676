package arena.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The floor: the server's throughput on the cheapest authenticated call, {@code GET /api/v1/me} with a Bearer token.
 * First {@code floor.tokens} candidates log in once (POST /api/v1/auth/token with Basic); then requests arrive at
 * constant rates that increase level by level (open model: arrivals do not wait for responses), from
 * {@code floor.start}/s by {@code floor.step}/s for {@code floor.levels} levels of {@code floor.levelSeconds} s.
 * Each request uses a random one of the tokens, so the token check runs as under real load.
 */
public class FloorSimulation extends Simulation {

    private static final int TOKENS = Bench.integer("floor.tokens", 2000);
    private static final int START = Bench.integer("floor.start", 500);
    private static final int STEP = Bench.integer("floor.step", 500);
    private static final int LEVELS = Bench.integer("floor.levels", 6);
    private static final int LEVEL_SECONDS = Bench.integer("floor.levelSeconds", 30);

    private final List<String> tokens = Collections.synchronizedList(new ArrayList<>());

    private final Iterator<Map<String, Object>> usernames =
            IntStream.rangeClosed(1, TOKENS).<Map<String, Object>>mapToObj(i -> Map.of("username", Bench.USER_PREFIX + i)).iterator();
    private final Iterator<Map<String, Object>> randomToken =
            Stream.generate(() -> Map.<String, Object>of("token", tokens.get(ThreadLocalRandom.current().nextInt(tokens.size())))).iterator();

    private final ScenarioBuilder login = scenario("log in")
            .feed(usernames)
            .exec(http("login").post("/api/v1/auth/token").basicAuth("#{username}", Bench.PASSWORD)
                    .check(status().is(201), jsonPath("$.token").saveAs("token")))
            .exec(session -> {
                if (!session.isFailed()) {
                    tokens.add(session.getString("token"));
                }
                return session;
            });

    private final ScenarioBuilder me = scenario("floor")
            .feed(randomToken)
            .exec(http("me").get("/api/v1/me").header("Authorization", "Bearer #{token}").check(status().is(200)));

    {
        setUp(login.injectOpen(constantUsersPerSec(200).during(Math.max(1, TOKENS / 200)))
                .andThen(me.injectOpen(incrementUsersPerSec(STEP).times(LEVELS).eachLevelLasting(LEVEL_SECONDS)
                        .separatedByRampsLasting(2).startingFrom(START))))
                .protocols(Bench.protocol());
    }
}
