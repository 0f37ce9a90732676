package cn.arena.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.ArenaClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of HTTP API integration tests: an admin client and quick ways to make users of each role. */
@IntegrationTest
public abstract class ApiTest {

    public static final String ADMIN_PASSWORD = "Admin-Test-2026!";
    public static final String PASSWORD = "Arena-Test-2026!";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    protected int port;

    /** The application's one clock; move it with {@link #moveClock}, never by sleeping. */
    @Autowired
    protected ArenaClock clock;

    private Duration clockMoved = Duration.ZERO;

    /** Moves the server's clock on (or back) for this test; it is put back after the test. */
    protected void moveClock(Duration by) {
        clock.shift(by);
        clockMoved = clockMoved.plus(by);
    }

    @AfterEach
    void putTheClockBack() {
        clock.shift(clockMoved.negated());
        clockMoved = Duration.ZERO;
    }

    protected Api admin() {
        return Api.basic(port, "admin", ADMIN_PASSWORD);
    }

    protected Api anonymous() {
        return Api.anonymous(port);
    }

    protected Api as(String username) {
        return Api.basic(port, username, PASSWORD);
    }

    /** A unique name for this test run, e.g. {@code cand-17}. */
    protected static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    /** Creates a user with the given role (and scope), returns its username; the password is {@link #PASSWORD}. */
    protected String user(String role, @Nullable Long orgUnitId) {
        String username = unique(role.toLowerCase());
        var response = admin().post("/api/v1/users", Api.obj("username", username, "password", PASSWORD,
                "displayName", "测试" + username, "roles", List.of(role), "orgUnitId", orgUnitId));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return username;
    }

    protected String user(String role) {
        return user(role, null);
    }

    protected long orgUnit(String name, String kind, @Nullable Long parentId) {
        var response = admin().post("/api/v1/org-units", Api.obj("name", name, "kind", kind, "parentId", parentId));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }
}
