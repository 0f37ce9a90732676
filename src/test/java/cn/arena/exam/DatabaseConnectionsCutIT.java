package cn.arena.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL terminates the node's connections (what a restart does to them) while candidates save: no request
 * answers 500 (a lost connection is a 503 to retry), every answer acknowledged with 204 is stored, saving resumes.
 */
class DatabaseConnectionsCutIT extends ApiTest {

    static final int CLIENTS = 4;
    static final int ITEMS = 3;
    static final int CUTS = 3;
    static final int SAVES_BETWEEN_CUTS = 60;

    /** One candidate saving in a loop; a save not acknowledged is sent again, with a newer value, until it is. */
    final class Client implements Runnable {
        final String username;
        final Api api;
        final long attemptId;
        final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
        int seq;

        Client(String username, Api api, long attemptId) {
            this.username = username;
            this.api = api;
            this.attemptId = attemptId;
        }

        @Override
        public void run() {
            int no = 1;
            while (!stop.get()) {
                String value = username + " 第" + ++seq + "稿";
                var saved = api.put("/api/v1/attempts/" + attemptId + "/answers/" + no, Api.obj("value", value));
                if (saved.status() == 204) {
                    acknowledged.put(no, value);
                    progress.release();
                    no = no % ITEMS + 1;
                } else if (saved.status() == 503 && saved.headers().firstValue("Retry-After").isPresent()) {
                    unavailable.incrementAndGet();
                } else {
                    unexpected.add(saved.toString());
                }
            }
        }
    }

    final AtomicBoolean stop = new AtomicBoolean();
    final Semaphore progress = new Semaphore(0);
    final AtomicInteger unavailable = new AtomicInteger();
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    @Test
    void savesWhileTheNodesConnectionsAreTerminatedAnswer204Or503AndLoseNothingAcknowledged() throws Exception {
        String url = System.getenv("ARENA_TEST_DB_URL");
        assumeTrue(url != null && url.startsWith("jdbc:postgresql:"),
                "needs PostgreSQL (ARENA_TEST_DB_URL): H2 cannot terminate another session's connection");
        Api organizer = as(user("ORGANIZER"));
        long bank = ExamFixtures.bank(organizer, unique("断连题库"), ITEMS);
        long exam = organizer.post("/api/v1/exams", ExamFixtures.exam("断连测试", List.of(bank), "SHARED",
                List.of(ExamFixtures.section("SHORT_ANSWER", ITEMS, 5)))).id();
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            usernames.add(user("CANDIDATE"));
        }
        assertThat(organizer.post("/api/v1/exams/" + exam + "/candidates", Api.obj("usernames", usernames)).status()).isEqualTo(200);
        assertThat(organizer.post("/api/v1/exams/" + exam + "/publish", null).status()).isEqualTo(200);
        List<Client> clients = new ArrayList<>();
        for (String username : usernames) {
            Api api = Api.bearer(port, as(username).post("/api/v1/auth/token", null).json().get("token").asString());
            clients.add(new Client(username, api, api.post("/api/v1/exams/" + exam + "/attempt", null).json().get("attemptId").asLong()));
        }

        List<Thread> threads = clients.stream().map(Thread::new).toList();
        threads.forEach(Thread::start);
        int terminated = 0;
        try {
            for (int cut = 0; cut < CUTS; cut++) {
                assertThat(progress.tryAcquire(SAVES_BETWEEN_CUTS, 60, TimeUnit.SECONDS)).as("saves before cut %d", cut + 1).isTrue();
                terminated += terminateTheNodesSessions(url);
            }
            assertThat(progress.tryAcquire(SAVES_BETWEEN_CUTS, 60, TimeUnit.SECONDS)).as("saving resumes after the last cut").isTrue();
        } finally {
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
        }

        assertThat(terminated).as("sessions terminated").isPositive();
        assertThat(unexpected).as("answers other than 204 or 503 + Retry-After (%d were 503)", unavailable.get()).isEmpty();
        for (Client client : clients) {
            JsonNode answers = client.api.post("/api/v1/exams/" + exam + "/attempt", null).json().get("answers");
            assertThat(client.acknowledged).isNotEmpty();
            for (var entry : client.acknowledged.entrySet()) {
                assertThat(answers.get(Integer.toString(entry.getKey())).asString())
                        .as("%s's acknowledged answer to item %d", client.username, entry.getKey()).isEqualTo(entry.getValue());
            }
        }
    }

    /** Every other session on the database, which is this node's pool (as a PostgreSQL restart would). */
    private static int terminateTheNodesSessions(String url) throws Exception {
        String password = System.getenv("ARENA_TEST_DB_PASSWORD");
        try (Connection c = DriverManager.getConnection(url, System.getenv("ARENA_TEST_DB_USER"), password == null ? "" : password);
                ResultSet rs = c.createStatement().executeQuery("""
                        select pg_terminate_backend(pid) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid()""")) {
            int n = 0;
            while (rs.next()) {
                n += rs.getBoolean(1) ? 1 : 0;
            }
            return n;
        }
    }
}
