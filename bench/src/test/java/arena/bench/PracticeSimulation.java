package arena.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A day of year-round practice for a province of {@code practice.members} members with a year of history behind them
 * (bench/seed-practice.sh), open model, in phases one after the other:
 * <ol>
 * <li><b>morning peak</b>: every member arrives once, evenly over {@code practice.peakSeconds} (default 1,800 s:
 * the "within 30 minutes"); logs in, opens today's study set, answers its 5 items with a few seconds of reading
 * between them, then opens their home figures (GET …/me);</li>
 * <li><b>my rank</b>: {@code practice.rankUsers} members over {@code practice.rankSeconds} each log in and read three
 * boards with their own row: last week's of the province and of their city, and the year's of the province;</li>
 * <li><b>participation</b>: the province's organizer reads the whole province's coverage for the year 10 times, one
 * after the other, and the cities' ranking once;</li>
 * <li><b>monthly contest</b>: every member starts the December contest, evenly over {@code practice.contestSeconds}
 * (default 600 s), saves 5 answers 10 s apart and submits. run.sh then counts the submitted attempts in the database.</li>
 * </ol>
 * {@code practice.phases} (e.g. {@code ranks,report}) runs only some of them, in that order.
 */
public class PracticeSimulation extends Simulation {

    private static final int MEMBERS = Bench.integer("practice.members", 40_000);
    private static final int PEAK_SECONDS = Bench.integer("practice.peakSeconds", 1800);
    private static final int RANK_USERS = Bench.integer("practice.rankUsers", 3_000);
    private static final int RANK_SECONDS = Bench.integer("practice.rankSeconds", 100);
    private static final int CONTEST_SECONDS = Bench.integer("practice.contestSeconds", 600);
    private static final long PROGRAMME = Long.getLong("practice.programme", 1);
    private static final long CONTEST = Long.getLong("practice.contest", 1);
    private static final long PROVINCE = Long.getLong("practice.province", 1);
    private static final String MEMBERS_FILE = System.getProperty("practice.membersFile", "practice-members.csv");
    private static final String ORGANIZER = System.getProperty("practice.organizer", "practice-organizer");
    private static final String LAST_WEEK = System.getProperty("practice.lastWeek", "2026-W51");
    private static final String YEAR = System.getProperty("practice.year", "2026");
    private static final String P = "/api/v1/practice/programmes/" + PROGRAMME;

    /** A well-formed value of each type (choice keys A–D exist); right or wrong does not matter to the load. */
    private static String body(String type, int i) {
        return switch (type) {
            case "SINGLE_CHOICE" -> "{\"value\":\"" + "ABCD".charAt(i % 4) + "\"}";
            case "MULTIPLE_CHOICE" -> i % 2 == 0 ? "{\"value\":[\"A\",\"C\"]}" : "{\"value\":[\"B\",\"D\"]}";
            case "TRUE_FALSE" -> "{\"value\":" + (i % 2 == 0) + "}";
            default -> "{\"value\":[\"答案\"]}";
        };
    }

    private static Session item(Session session, String noKey, String typeKey, String indexKey) {
        List<Object> nos = session.getList(noKey);
        List<String> types = session.getList(typeKey);
        int i = session.getInt(indexKey) % nos.size();
        return session.set("no", nos.get(i).toString()).set("body", body(types.get(i), i));
    }

    private static ChainBuilder login() {
        return exec(http("login").post("/api/v1/auth/token").basicAuth("#{username}", Bench.PASSWORD)
                .check(status().is(201), jsonPath("$.token").saveAs("token")))
                .exitHereIfFailed();
    }

    private final ScenarioBuilder peak = scenario("morning peak")
            .feed(csv(MEMBERS_FILE).queue())
            .exec(login())
            .exec(http("daily").get(P + "/daily").header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.items[*].no").findAll().saveAs("nos"),
                            jsonPath("$.items[*].type").findAll().saveAs("types")))
            .exitHereIfFailed()
            .repeat(session -> session.getList("nos").size(), "i").on(
                    pause(Duration.ofSeconds(2), Duration.ofSeconds(6))
                            .exec(session -> item(session, "nos", "types", "i"))
                            .exec(http("daily-answer").put(P + "/daily/answers/#{no}").header("Authorization", "Bearer #{token}")
                                    .body(StringBody("#{body}")).check(status().is(200), jsonPath("$.correct").exists())))
            .exec(http("me").get(P + "/me").header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.studiedDays").exists()));

    private final ScenarioBuilder ranks = scenario("my rank")
            .feed(csv(MEMBERS_FILE).random())
            .exec(login())
            .exec(http("rank-week-province").get(P + "/leaderboard?period=WEEK&key=" + LAST_WEEK + "&size=10")
                    .header("Authorization", "Bearer #{token}").check(status().is(200), jsonPath("$.total").exists()))
            .exec(http("rank-week-city").get(P + "/leaderboard?period=WEEK&key=" + LAST_WEEK + "&size=10&orgUnitId=#{cityId}")
                    .header("Authorization", "Bearer #{token}").check(status().is(200), jsonPath("$.total").exists()))
            .exec(http("rank-year-province").get(P + "/leaderboard?period=YEAR&key=" + YEAR + "&size=10")
                    .header("Authorization", "Bearer #{token}").check(status().is(200), jsonPath("$.total").exists()));

    private final ScenarioBuilder report = scenario("participation")
            .exec(session -> session.set("username", ORGANIZER))
            .exec(login())
            .repeat(10).on(exec(http("participation-province-year")
                    .get(P + "/participation?orgUnitId=" + PROVINCE + "&from=" + YEAR + "-01-01&to=" + YEAR + "-12-31")
                    .header("Authorization", "Bearer #{token}").check(status().is(200), jsonPath("$.people").exists())))
            .exec(http("org-ranking").get(P + "/org-ranking?year=" + YEAR)
                    .header("Authorization", "Bearer #{token}").check(status().is(200)));

    private final ScenarioBuilder contest = scenario("monthly contest")
            .feed(csv(MEMBERS_FILE).queue())
            .exec(login())
            .exec(http("contest-start").post("/api/v1/exams/" + CONTEST + "/attempt").header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.attemptId").saveAs("attemptId"),
                            jsonPath("$.items[*].no").findAll().saveAs("cnos"),
                            jsonPath("$.items[*].type").findAll().saveAs("ctypes")))
            .exitHereIfFailed()
            .repeat(5, "k").on(
                    pause(Duration.ofSeconds(10))
                            .exec(session -> item(session, "cnos", "ctypes", "k"))
                            .exec(http("contest-save").put("/api/v1/attempts/#{attemptId}/answers/#{no}")
                                    .header("Authorization", "Bearer #{token}").body(StringBody("#{body}")).check(status().is(204))))
            .exec(http("contest-submit").post("/api/v1/attempts/#{attemptId}/submit").header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.status").is("SUBMITTED")));

    {
        // The phases to run, in order (default all four); e.g. -Dpractice.phases=ranks,report for the boards alone.
        Map<String, PopulationBuilder> phases = new LinkedHashMap<>();
        phases.put("peak", peak.injectOpen(rampUsers(MEMBERS).during(PEAK_SECONDS)));
        phases.put("ranks", ranks.injectOpen(rampUsers(RANK_USERS).during(RANK_SECONDS)));
        phases.put("report", report.injectOpen(atOnceUsers(1)));
        phases.put("contest", contest.injectOpen(rampUsers(MEMBERS).during(CONTEST_SECONDS)));
        List<PopulationBuilder> chosen = Arrays.stream(System.getProperty("practice.phases", String.join(",", phases.keySet())).split(","))
                .map(String::strip).map(phases::get).toList();
        PopulationBuilder chain = chosen.get(chosen.size() - 1);
        for (int i = chosen.size() - 2; i >= 0; i--) {
            chain = chosen.get(i).andThen(chain);
        }
        setUp(chain).protocols(Bench.protocol());
    }
}
