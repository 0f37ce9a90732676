package cn.arena.marking;

import static cn.arena.marking.Timestamps.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Blind marking tasks and the graders enrolled on exams (marking_task, marking_grader). */
@Repository
class MarkingTasks {

    record TaskRow(String id, long examId, long attemptId, int no, boolean marked, @Nullable Long graderId,
            @Nullable BigDecimal points, @Nullable String comment) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    MarkingTasks(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

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
        return jdbc.sql("select * from marking_task where id = :id").param("id", id).query(MarkingTasks::taskRow).optional();
    }

    /** The open task this grader already holds in the exam, if any. */
    Optional<TaskRow> heldTask(long examId, long graderId, Instant heldSince) {
        return jdbc.sql("""
                select * from marking_task where exam_id = :e and state = 'OPEN' and grader_id = :g and assigned_at >= :since
                order by assigned_at, id limit 1""")
                .param("e", examId).param("g", graderId).param("since", utc(heldSince))
                .query(MarkingTasks::taskRow).optional();
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

    private static TaskRow taskRow(ResultSet rs, int n) throws SQLException {
        return new TaskRow(rs.getString("id"), rs.getLong("exam_id"), rs.getLong("attempt_id"), rs.getInt("no"),
                "MARKED".equals(rs.getString("state")), rs.getObject("grader_id", Long.class), rs.getBigDecimal("points"),
                rs.getString("comment"));
    }

}