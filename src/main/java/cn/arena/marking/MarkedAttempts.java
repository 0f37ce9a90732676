package cn.arena.marking;

import static cn.arena.marking.Timestamps.instant;
import static cn.arena.marking.Timestamps.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Marked attempts, their items and every mark's history (marking_attempt, marking_item, marking_history). */
@Repository
class MarkedAttempts {

    enum Status { MARKING, MARKED }

    record AttemptRow(long attemptId, long examId, long userId, BigDecimal score, BigDecimal objectiveScore, Status status,
            Instant startedAt, Instant submittedAt, Duration timeUsed) {}

    record ItemRow(long attemptId, int no, long questionId, String type, BigDecimal maxPoints, List<String> optionOrder,
            @Nullable JsonNode response, @Nullable BigDecimal earned, boolean needsGrader, @Nullable BigDecimal suggested,
            @Nullable String comment) {}


    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    /** For the batched inserts of a submission's items, which JdbcClient does not offer. */
    private final JdbcTemplate batch;

    MarkedAttempts(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    boolean hasAttempt(long attemptId) {
        return jdbc.sql("select count(*) from marking_attempt where attempt_id = :a").param("a", attemptId)
                .query(Long.class).single() > 0;
    }

    void insertAttempt(long attemptId, long examId, long userId, Instant startedAt, Instant submittedAt) {
        jdbc.sql("""
                insert into marking_attempt (attempt_id, exam_id, user_id, score, objective_score, status, started_at,
                                             submitted_at, time_used_ms)
                values (:a, :e, :u, 0, 0, 'MARKING', :s, :t, :ms)""")
                .param("a", attemptId).param("e", examId).param("u", userId).param("s", utc(startedAt))
                .param("t", utc(submittedAt)).param("ms", Math.max(0, Duration.between(startedAt, submittedAt).toMillis()))
                .update();
    }

    /** Inserts the items of a newly submitted attempt; those with a machine mark are marked by {@code markedBy} and enter the history. */
    void insertItems(List<ItemRow> items, String markedBy, Instant at) {
        OffsetDateTime when = utc(at);
        batch.batchUpdate("""
                insert into marking_item (attempt_id, no, question_id, type, max_points, option_order, response, earned,
                                          needs_grader, suggested, marked_by, marked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", items, items.size(), (ps, item) -> {
            ps.setLong(1, item.attemptId());
            ps.setInt(2, item.no());
            ps.setLong(3, item.questionId());
            ps.setString(4, item.type());
            ps.setBigDecimal(5, item.maxPoints());
            ps.setString(6, JSON.writeValueAsString(item.optionOrder()));
            ps.setString(7, item.response() == null ? null : JSON.writeValueAsString(item.response()));
            ps.setBigDecimal(8, item.earned());
            ps.setBoolean(9, item.needsGrader());
            ps.setBigDecimal(10, item.suggested());
            ps.setString(11, item.earned() == null ? null : markedBy);
            if (item.earned() == null) {
                ps.setNull(12, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(12, when);
            }
        });
        List<ItemRow> marked = items.stream().filter(i -> i.earned() != null).toList();
        if (marked.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                insert into marking_history (attempt_id, no, actor, at, old_points, new_points, comment)
                values (?, ?, ?, ?, null, ?, null)""", marked, marked.size(), (ps, item) -> {
            ps.setLong(1, item.attemptId());
            ps.setInt(2, item.no());
            ps.setString(3, markedBy);
            ps.setObject(4, when);
            ps.setBigDecimal(5, item.earned());
        });
    }

    void markItem(long attemptId, int no, BigDecimal earned, String markedBy, Instant at, @Nullable String comment) {
        jdbc.sql("""
                update marking_item set earned = :earned, marked_by = :by, marked_at = :at, comment = :comment
                where attempt_id = :a and no = :no""")
                .param("earned", earned).param("by", markedBy).param("at", utc(at)).param("comment", comment)
                .param("a", attemptId).param("no", no).update();
    }

    Optional<AttemptRow> attempt(long attemptId) {
        return jdbc.sql("select * from marking_attempt where attempt_id = :a").param("a", attemptId)
                .query(MarkedAttempts::attemptRow).optional();
    }

    List<ItemRow> items(long attemptId) {
        return jdbc.sql("select * from marking_item where attempt_id = :a order by no").param("a", attemptId)
                .query(MarkedAttempts::itemRow).list();
    }

    /** Serializes marking within one attempt, so the last of two concurrent marks sees the other and settles the total. */
    void lockAttempt(long attemptId) {
        jdbc.sql("select attempt_id from marking_attempt where attempt_id = :a for update").param("a", attemptId)
                .query(Long.class).optional();
    }

    Optional<ItemRow> item(long attemptId, int no) {
        return jdbc.sql("select * from marking_item where attempt_id = :a and no = :no").param("a", attemptId).param("no", no)
                .query(MarkedAttempts::itemRow).optional();
    }

    /** Marks the attempt MARKED with its totals, once all its items have a mark. */
    void settle(long attemptId, BigDecimal score, BigDecimal objectiveScore, Instant at) {
        jdbc.sql("""
                update marking_attempt set score = :s, objective_score = :o, status = 'MARKED', marked_at = :at
                where attempt_id = :a""")
                .param("s", score).param("o", objectiveScore).param("at", utc(at)).param("a", attemptId).update();
    }

    void setObjectiveScore(long attemptId, BigDecimal objectiveScore) {
        jdbc.sql("update marking_attempt set objective_score = :o, score = :o where attempt_id = :a")
                .param("o", objectiveScore).param("a", attemptId).update();
    }


    /** How many of the exam's submitted attempts marking has received. */
    long receivedCount(long examId) {
        return jdbc.sql("select count(*) from marking_attempt where exam_id = :e").param("e", examId).query(Long.class).single();
    }

    List<Long> receivedIds(long examId) {
        return jdbc.sql("select attempt_id from marking_attempt where exam_id = :e").param("e", examId).query(Long.class).list();
    }

    // --- history ---

    void history(long attemptId, int no, String actor, Instant at, @Nullable BigDecimal oldPoints, BigDecimal newPoints,
            @Nullable String comment) {
        jdbc.sql("""
                insert into marking_history (attempt_id, no, actor, at, old_points, new_points, comment)
                values (:a, :no, :actor, :at, :old, :new, :comment)""")
                .param("a", attemptId).param("no", no).param("actor", actor).param("at", utc(at))
                .param("old", oldPoints).param("new", newPoints).param("comment", comment).update();
    }

    record HistoryRow(String actor, Instant at, @Nullable BigDecimal oldPoints, BigDecimal newPoints, @Nullable String comment) {}

    List<HistoryRow> historyOf(long attemptId, int no) {
        return jdbc.sql("select * from marking_history where attempt_id = :a and no = :no order by id")
                .param("a", attemptId).param("no", no)
                .query((rs, n) -> new HistoryRow(rs.getString("actor"), instant(rs, "at"), rs.getBigDecimal("old_points"),
                        rs.getBigDecimal("new_points"), rs.getString("comment")))
                .list();
    }

    // --- mapping ---

    static AttemptRow attemptRow(ResultSet rs, int n) throws SQLException {
        return new AttemptRow(rs.getLong("attempt_id"), rs.getLong("exam_id"), rs.getLong("user_id"), rs.getBigDecimal("score"),
                rs.getBigDecimal("objective_score"), Status.valueOf(rs.getString("status")), instant(rs, "started_at"),
                instant(rs, "submitted_at"), Duration.ofMillis(rs.getLong("time_used_ms")));
    }

    static ItemRow itemRow(ResultSet rs, int n) throws SQLException {
        String response = rs.getString("response");
        return new ItemRow(rs.getLong("attempt_id"), rs.getInt("no"), rs.getLong("question_id"), rs.getString("type"),
                rs.getBigDecimal("max_points"), JSON.readValue(rs.getString("option_order"), STRINGS),
                response == null ? null : JSON.readTree(response), rs.getBigDecimal("earned"), rs.getBoolean("needs_grader"),
                rs.getBigDecimal("suggested"), rs.getString("comment"));
    }

}