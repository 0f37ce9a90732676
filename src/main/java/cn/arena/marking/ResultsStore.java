package cn.arena.marking;

import static cn.arena.marking.Timestamps.instant;
import static cn.arena.marking.Timestamps.utc;

import cn.arena.marking.MarkedAttempts.AttemptRow;
import cn.arena.marking.MarkedAttempts.ItemRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Releases (marking_release) and what results are read from: marked attempts, their items, per-question statistics. */
@Repository
class ResultsStore {

    record ReleaseRow(long examId, Instant releasedAt, String releasedBy) {}

    private final JdbcClient jdbc;

    ResultsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReleaseRow> release(long examId) {
        return jdbc.sql("select * from marking_release where exam_id = :e").param("e", examId)
                .query((rs, n) -> new ReleaseRow(rs.getLong("exam_id"), instant(rs, "released_at"), rs.getString("released_by")))
                .optional();
    }

    void insertRelease(long examId, Instant at, String by) {
        jdbc.sql("insert into marking_release (exam_id, released_at, released_by) values (:e, :at, :by)")
                .param("e", examId).param("at", utc(at)).param("by", by).update();
    }

    List<AttemptRow> markedAttempts(long examId) {
        return jdbc.sql("select * from marking_attempt where exam_id = :e and status = 'MARKED' order by attempt_id")
                .param("e", examId).query(MarkedAttempts::attemptRow).list();
    }

    /** Each candidate's best marked attempt (higher score, then earlier submission). */
    List<AttemptRow> bestMarkedPerUser(long examId) {
        Map<Long, AttemptRow> best = new LinkedHashMap<>();
        Comparator<AttemptRow> better = Comparator.comparing(AttemptRow::score).reversed()
                .thenComparing(AttemptRow::submittedAt);
        for (AttemptRow a : markedAttempts(examId)) {
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
                .param("e", examId).query(MarkedAttempts::itemRow).list()
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
}