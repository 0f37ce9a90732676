package cn.arena.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Events across nodes: on PostgreSQL every append notifies {@code arena_live} with "stage:seq" (delivered at commit),
 * and each node LISTENs on one dedicated connection of its own — never a pooled one, whose LISTEN would end with its
 * return to the pool — and wakes its streams, which read the events from the log. After a dropped connection it
 * reconnects and every stream re-reads the log from its last seq. On the embedded database the one node wakes itself.
 */
@Component
class LiveNotifications implements SmartLifecycle {

    static final String CHANNEL = "arena_live";
    private static final Logger log = LoggerFactory.getLogger(LiveNotifications.class);

    private final JdbcClient jdbc;
    private final LiveHub hub;
    private final String url;
    private final String user;
    private final String password;
    private final boolean postgres;
    private volatile boolean running;
    private volatile Thread listener;

    LiveNotifications(JdbcClient jdbc, LiveHub hub, @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String user, @Value("${spring.datasource.password:}") String password) {
        this.jdbc = jdbc;
        this.hub = hub;
        this.url = url;
        this.user = user;
        this.password = password;
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    /** Inside the appending transaction: on PostgreSQL the notification goes out when it commits. */
    void publish(long stageId, long seq) {
        if (postgres) {
            jdbc.sql("select pg_notify('" + CHANNEL + "', :p)").param("p", stageId + ":" + seq).query((rs, n) -> 1).list();
        }
    }

    @Override
    public void start() {
        running = true;
        if (postgres) {
            Thread t = new Thread(this::listen, "live-listen");
            t.setDaemon(true);
            t.start();
            listener = t;
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread t = listener;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                hub.wakeAll();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications((int) Duration.ofSeconds(10).toMillis());
                    if (notes == null) {
                        try (Statement s = c.createStatement()) {
                            s.execute("select 1"); // a dropped connection shows here, not in an empty poll
                        }
                        continue;
                    }
                    for (PGNotification n : notes) {
                        String payload = n.getParameter();
                        int colon = payload.indexOf(':');
                        hub.committed(Long.parseLong(payload.substring(0, colon)), Long.parseLong(payload.substring(colon + 1)));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Live notifications connection lost, reconnecting: {}", e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }
}
