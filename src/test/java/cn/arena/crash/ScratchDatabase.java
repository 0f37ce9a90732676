package cn.arena.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh PostgreSQL database on the server that {@code ARENA_TEST_DB_URL} names, for Arena nodes started as processes,
 * dropped on close; the test is skipped when no PostgreSQL is configured. {@link #environment} configures a node for it.
 */
final class ScratchDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String name;
    final Map<String, String> environment;

    private ScratchDatabase(String url, String user, String password, String name, Map<String, String> environment) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.name = name;
        this.environment = environment;
    }

    static ScratchDatabase create(String prefix) throws SQLException {
        String url = System.getenv("ARENA_TEST_DB_URL");
        assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "ARENA_TEST_DB_URL does not name a PostgreSQL");
        String user = env("ARENA_TEST_DB_USER", "postgres");
        String password = env("ARENA_TEST_DB_PASSWORD", "");
        Matcher m = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)").matcher(url);
        assertThat(m.matches()).as("a PostgreSQL URL with a database: %s", url).isTrue();
        String database = prefix + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
        try (var c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
            s.execute("create database " + database);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new ScratchDatabase(url, user, password, database, Map.of("ARENA_DB_URL", m.group(1) + database + m.group(3),
                "ARENA_DB_USER", user, "ARENA_DB_PASSWORD", password, "ARENA_DATA_KEY", Base64.getEncoder().encodeToString(key)));
    }

    /** The one number a query of the scratch database answers (a count), read as the nodes left it. */
    long count(String sql) throws SQLException {
        try (var c = DriverManager.getConnection(environment.get("ARENA_DB_URL"), user, password); var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (var c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }
}
