package arena.bench;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;

/** Settings shared by the simulations, all from system properties that bench/run.sh passes. */
final class Bench {

    static final String BASE_URL = System.getProperty("arena.url", "http://127.0.0.1:8090");
    static final String PASSWORD = System.getProperty("arena.password", "Bench-Cand-2026!");
    static final String USER_PREFIX = System.getProperty("arena.userPrefix", "load-");
    static final long EXAM = Long.getLong("arena.exam", 1);

    private Bench() {}

    static int integer(String name, int otherwise) {
        return Integer.getInteger(name, otherwise);
    }

    static double decimal(String name, double otherwise) {
        String value = System.getProperty(name);
        return value == null ? otherwise : Double.parseDouble(value);
    }

    /** One connection pool for all virtual users, as a reverse proxy in front of Arena would hold. */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(BASE_URL)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .shareConnections()
                .disableCaching()
                .disableWarmUp();
    }
}
