package cn.arena.marking;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The marking tables. Only this module reads or writes them. */
@Repository
class MarkingStore {

    enum Status { MARKING, MARKED }

    record AttemptRow(long attemptId, long examId, long userId, BigDecimal score, BigDecimal objectiveScore, Status status,
            Instant startedAt, Instant submittedAt, Duration timeUsed) {}

    record ItemRow(long attemptId, int no, long questionId, String type, BigDecimal maxPoints, List<String> optionOrder,
            @Nullable JsonNode response, @Nullable BigDecimal earned, boolean needsGrader, @Nullable BigDecimal suggested,
            @Nullable String comment) {}

    record TaskRow(String id, long examId, long attemptId, int no, boolean marked, @Nullable Long graderId,
            @Nullable BigDecimal points, @Nullable String comment) {}

    record ReleaseRow(long examId, Instant releasedAt, String releasedBy) {}

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    /** For the batched inserts of a submission's items, which JdbcClient does not offer. */
    private final JdbcTemplate batch;

    MarkingStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    // --- attempts and items ---

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
                .query(MarkingStore::attemptRow).optional();
    }

    List<ItemRow> items(long attemptId) {
        return jdbc.sql("select * from marking_item where attempt_id = :a order by no").param("a", attemptId)
                .query(MarkingStore::itemRow).list();
    }

    /** Serializes marking within one attempt, so the last of two concurrent marks sees the other and settles the total. */
    void lockAttempt(long attemptId) {
        jdbc.sql("select attempt_id from marking_attempt where attempt_id = :a for update").param("a", attemptId)
                .query(Long.class).optional();
    }

    Optional<ItemRow> item(long attemptId, int no) {
        return jdbc.sql("select * from marking_item where attempt_id = :a and no = :no").param("a", attemptId).param("no", no)
                .query(MarkingStore::itemRow).optional();
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

    List<AttemptRow> attempts(long examId, Status status) {
        return jdbc.sql("select * from marking_attempt where exam_id = :e and status = :s order by attempt_id")
                .param("e", examId).param("s", status.name())
                .query(MarkingStore::attemptRow).list();
    }

    /** Each candidate's best marked attempt (higher score, then earlier submission). */
    List<AttemptRow> bestMarkedPerUser(long examId) {
        Map<Long, AttemptRow> best = new LinkedHashMap<>();
        Comparator<AttemptRow> better = Comparator.comparing(AttemptRow::score).reversed()
                .thenComparing(AttemptRow::submittedAt);
        for (AttemptRow a : attempts(examId, Status.MARKED)) {
            best.merge(a.userId(), a, (x, y) -> better.compare(x, y) <= 0 ? x : y);
        }
        return new ArrayList<>(best.values());
    }

    /** Items of the exam's marked attempts, keyed by attempt id. */
    Map<Long, List<ItemRow>> markedItems(long examId) {
        Map<Long, List<ItemRow>> byAttempt = new LinkedHashMap<>();
        jdbc.sql("""
                select i.* from marking_item i join marking_attempt a on a.attempt_id = i.attempt_id
                where a.exam_id = :e and a.status = 'MARKED' order by i.attempt_id, i.no""")
                .param("e", examId).query(MarkingStore::itemRow).list()
                .forEach(i -> byAttempt.computeIfAbsent(i.attemptId(), k -> new ArrayList<>()).add(i));
        return byAttempt;
    }

    record QuestionStat(long questionId, String type, BigDecimal maxPoints, long seen, long answered, long marked,
            @Nullable BigDecimal earned, BigDecimal markedMax) {}

    /** Per question of the exam: how often it was shown, answered and marked, and the points earned on it. */
    List<QuestionStat> questionStats(long examId) {
        return jdbc.sql("""
                select i.question_id, i.type, max(i.max_points) as max_points, count(*) as seen,
                       sum(case when i.response is not null then 1 else 0 end) as answered,
                       count(i.earned) as marked, sum(i.earned) as earned,
                       sum(case when i.earned is not null then i.max_points else 0 end) as marked_max
                from marking_item i join marking_attempt a on a.attempt_id = i.attempt_id
                where a.exam_id = :e
                group by i.question_id, i.type
                order by min(i.no), i.question_id""")
                .param("e", examId)
                .query((rs, n) -> new QuestionStat(rs.getLong("question_id"), rs.getString("type"), rs.getBigDecimal("max_points"),
                        rs.getLong("seen"), rs.getLong("answered"), rs.getLong("marked"), rs.getBigDecimal("earned"),
                        rs.getBigDecimal("marked_max")))
                .list();
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

    // --- tasks ---

    /** One open task per item, each with a random id that says nothing of the attempt. */
    void insertTasks(long examId, long attemptId, List<Integer> nos) {
        if (nos.isEmpty()) {
            return;
        }
        batch.batchUpdate("insert into marking_task (id, exam_id, attempt_id, no, state) values (?, ?, ?, ?, 'OPEN')",
                nos, nos.size(), (ps, no) -> {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setLong(2, examId);
                    ps.setLong(3, attemptId);
                    ps.setInt(4, no);
                });
    }

    Optional<TaskRow> task(String id) {
        return jdbc.sql("select * from marking_task where id = :id").param("id", id).query(MarkingStore::taskRow).optional();
    }

    /** The open task this grader already holds in the exam, if any. */
    Optional<TaskRow> heldTask(long examId, long graderId, Instant heldSince) {
        return jdbc.sql("""
                select * from marking_task where exam_id = :e and state = 'OPEN' and grader_id = :g and assigned_at >= :since
                order by assigned_at, id limit 1""")
                .param("e", examId).param("g", graderId).param("since", utc(heldSince))
                .query(MarkingStore::taskRow).optional();
    }

    /** Open tasks nobody holds (or whose hold has lapsed), a few at a time, in submission order. */
    List<String> freeTasks(long examId, Instant heldSince, int limit) {
        return jdbc.sql("""
                select id from marking_task where exam_id = :e and state = 'OPEN'
                  and (grader_id is null or assigned_at < :since)
                order by attempt_id, no limit :limit""")
                .param("e", examId).param("since", utc(heldSince)).param("limit", limit).query(String.class).list();
    }

    /** Takes a free task for a grader; false when someone else took it first. */
    boolean claim(String taskId, long graderId, Instant now, Instant heldSince) {
        return jdbc.sql("""
                update marking_task set grader_id = :g, assigned_at = :now
                where id = :id and state = 'OPEN' and (grader_id is null or assigned_at < :since)""")
                .param("g", graderId).param("now", utc(now)).param("id", taskId).param("since", utc(heldSince))
                .update() == 1;
    }

    void completeTask(String taskId, long graderId, BigDecimal points, @Nullable String comment, Instant now) {
        jdbc.sql("""
                update marking_task set state = 'MARKED', grader_id = :g, assigned_at = :now, points = :p, comment = :c
                where id = :id""")
                .param("g", graderId).param("now", utc(now)).param("p", points).param("c", comment).param("id", taskId)
                .update();
    }

    record ExamCounts(long examId, long attempts, long open, long marked) {}

    /** Every exam marking has received attempts of, newest first, with its attempt and task counts. */
    List<ExamCounts> examCounts() {
        return jdbc.sql("""
                select a.exam_id, count(*) as attempts,
                       coalesce(sum(t.open_count), 0) as open_count, coalesce(sum(t.marked_count), 0) as marked_count
                from marking_attempt a
                left join (select attempt_id, sum(case when state = 'OPEN' then 1 else 0 end) as open_count,
                                  sum(case when state = 'MARKED' then 1 else 0 end) as marked_count
                           from marking_task group by attempt_id) t on t.attempt_id = a.attempt_id
                group by a.exam_id order by a.exam_id desc""")
                .query((rs, n) -> new ExamCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }

    long openTasks(long examId) {
        return jdbc.sql("select count(*) from marking_task where exam_id = :e and state = 'OPEN'").param("e", examId)
                .query(Long.class).single();
    }

    // --- release ---

    Optional<ReleaseRow> release(long examId) {
        return jdbc.sql("select * from marking_release where exam_id = :e").param("e", examId)
                .query((rs, n) -> new ReleaseRow(rs.getLong("exam_id"), instant(rs, "released_at"), rs.getString("released_by")))
                .optional();
    }

    void insertRelease(long examId, Instant at, String by) {
        jdbc.sql("insert into marking_release (exam_id, released_at, released_by) values (:e, :at, :by)")
                .param("e", examId).param("at", utc(at)).param("by", by).update();
    }

    // --- graders ---

    boolean isGrader(long examId, long userId) {
        return jdbc.sql("select count(*) from marking_grader where exam_id = :e and user_id = :u")
                .param("e", examId).param("u", userId).query(Long.class).single() > 0;
    }

    /** Enrols the graders not yet enrolled; returns how many were added. */
    int enrolGraders(long examId, Collection<Long> userIds) {
        int added = 0;
        for (long userId : userIds) {
            if (!isGrader(examId, userId)) {
                added += jdbc.sql("insert into marking_grader (exam_id, user_id) values (:e, :u)")
                        .param("e", examId).param("u", userId).update();
            }
        }
        return added;
    }

    // --- mapping ---

    private static AttemptRow attemptRow(ResultSet rs, int n) throws SQLException {
        return new AttemptRow(rs.getLong("attempt_id"), rs.getLong("exam_id"), rs.getLong("user_id"), rs.getBigDecimal("score"),
                rs.getBigDecimal("objective_score"), Status.valueOf(rs.getString("status")), instant(rs, "started_at"),
                instant(rs, "submitted_at"), Duration.ofMillis(rs.getLong("time_used_ms")));
    }

    private static ItemRow itemRow(ResultSet rs, int n) throws SQLException {
        String response = rs.getString("response");
        return new ItemRow(rs.getLong("attempt_id"), rs.getInt("no"), rs.getLong("question_id"), rs.getString("type"),
                rs.getBigDecimal("max_points"), JSON.readValue(rs.getString("option_order"), STRINGS),
                response == null ? null : JSON.readTree(response), rs.getBigDecimal("earned"), rs.getBoolean("needs_grader"),
                rs.getBigDecimal("suggested"), rs.getString("comment"));
    }

    private static TaskRow taskRow(ResultSet rs, int n) throws SQLException {
        return new TaskRow(rs.getString("id"), rs.getLong("exam_id"), rs.getLong("attempt_id"), rs.getInt("no"),
                "MARKED".equals(rs.getString("state")), rs.getObject("grader_id", Long.class), rs.getBigDecimal("points"),
                rs.getString("comment"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
