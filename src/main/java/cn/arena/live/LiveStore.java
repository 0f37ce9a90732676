package cn.arena.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The live module's tables: a session row per final and its event log, in plain SQL. */
@Repository
class LiveStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record SessionRow(long stageId, LiveConfig config, long lastSeq, @Nullable String screenKey) {}

    private final JdbcClient jdbc;

    LiveStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SessionRow> session(long stageId) {
        return jdbc.sql("select stage_id, config, last_seq, screen_key from live_session where stage_id = :s").param("s", stageId)
                .query(LiveStore::session).optional();
    }

    /**
     * Creates the session row unless it exists (another node may create it at the same moment: that one stands). Every
     * buzz passes here, so an existing row is only looked up, and the configuration is made only for a missing one.
     */
    void createIfAbsent(long stageId, Supplier<LiveConfig> config) {
        if (lastSeq(stageId).isPresent()) {
            return;
        }
        try {
            jdbc.sql("insert into live_session (stage_id, config, last_seq) values (:s, :c, 0)")
                    .param("s", stageId).param("c", JSON.writeValueAsString(config.get())).update();
        } catch (DuplicateKeyException alreadyThere) {
            // created by a concurrent request; nothing to do
        }
    }

    /** The session's last seq, without reading its configuration. */
    Optional<Long> lastSeq(long stageId) {
        return jdbc.sql("select last_seq from live_session where stage_id = :s").param("s", stageId).query(Long.class).optional();
    }

    /** Locks the session row until the transaction ends and gives its last seq: appends to one session take turns. */
    long lock(long stageId) {
        return jdbc.sql("select last_seq from live_session where stage_id = :s for update").param("s", stageId).query(Long.class).single();
    }

    void saveConfig(long stageId, LiveConfig config) {
        jdbc.sql("update live_session set config = :c where stage_id = :s").param("c", JSON.writeValueAsString(config))
                .param("s", stageId).update();
    }

    void append(long stageId, LiveEvent event, @Nullable String commandId) {
        String won = event.result() == LiveEvent.BuzzResult.WON ? event.round() + ":" + event.questionId() : null;
        jdbc.sql("""
                insert into live_event (stage_id, seq, at, type, command_id, won_question, body)
                values (:s, :seq, :at, :type, :cmd, :won, :body)""")
                .param("s", stageId).param("seq", event.seq()).param("at", OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC))
                .param("type", event.type().name()).param("cmd", commandId).param("won", won)
                .param("body", JSON.writeValueAsString(event)).update();
        jdbc.sql("update live_session set last_seq = :seq where stage_id = :s").param("seq", event.seq()).param("s", stageId).update();
    }

    List<LiveEvent> events(long stageId, long after, long upTo) {
        return jdbc.sql("select body from live_event where stage_id = :s and seq > :after and seq <= :upTo order by seq")
                .param("s", stageId).param("after", after).param("upTo", upTo)
                .query((rs, n) -> JSON.readValue(rs.getString(1), LiveEvent.class)).list();
    }

    Optional<Long> seqOfCommand(long stageId, String commandId) {
        return jdbc.sql("select seq from live_event where stage_id = :s and command_id = :c").param("s", stageId).param("c", commandId)
                .query(Long.class).optional();
    }

    void saveScreenKey(long stageId, String key) {
        jdbc.sql("update live_session set screen_key = :k where stage_id = :s").param("k", key).param("s", stageId).update();
    }

    Optional<Long> stageOfScreenKey(String key) {
        return jdbc.sql("select stage_id from live_session where screen_key = :k").param("k", key).query(Long.class).optional();
    }

    private static SessionRow session(ResultSet rs, int n) throws SQLException {
        return new SessionRow(rs.getLong(1), JSON.readValue(rs.getString(2), LiveConfig.class), rs.getLong(3), rs.getString(4));
    }
}
