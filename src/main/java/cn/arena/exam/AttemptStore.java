package cn.arena.exam;

import cn.arena.paper.PaperItem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** Attempts and their saved answers. Answers are stored in the questions' original option keys. */
@Repository
class AttemptStore {

    /** One row per attempt and item: a shape every SQL database can upsert without vendor syntax. */
    record SavedAnswer(int no, JsonNode value) {}

    /** An attempt's line in an organizer's list. */
    record Progress(long attemptId, long userId, Attempt.Status status, Instant startedAt, Instant deadline,
            @org.jspecify.annotations.Nullable Instant submittedAt, int answered) {}

    private static final String STATE_COLUMNS = "id, exam_id, user_id, started_at, deadline, status, submitted_at, submitted_by";

    private final JdbcClient jdbc;
    /** An attempt's paper never changes once assembled: saves need not read and parse it again. */
    private final Cache<Long, List<PaperItem>> variants = Caffeine.newBuilder().maximumSize(100_000).build();

    AttemptStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new open attempt; a parallel start of the same candidate fails on the unique (exam, user) key. */
    long insert(long examId, long userId, Instant startedAt, Deadline deadline, List<PaperItem> items) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into exam_attempt (exam_id, user_id, started_at, deadline, status, variant)
                values (:e, :u, :start, :deadline, 'OPEN', :variant)""")
                .param("e", examId).param("u", userId)
                .param("start", ExamStore.utc(startedAt)).param("deadline", ExamStore.utc(deadline.at()))
                .param("variant", ExamStore.JSON.writeValueAsString(items))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<Attempt> find(long id) {
        return jdbc.sql("select * from exam_attempt where id = :id").param("id", id).query(AttemptStore::attempt).optional();
    }

    /** The attempt, its row locked until the transaction ends: saves and submission of one attempt take turns. */
    Optional<Attempt> lock(long id) {
        // The paper is immutable once stored, so the lock reads only the row's state and takes the paper from the cache.
        return jdbc.sql("select " + STATE_COLUMNS + " from exam_attempt where id = :id for update").param("id", id)
                .query((rs, n) -> attempt(rs, variant(rs.getLong("id")))).optional();
    }

    private List<PaperItem> variant(long attemptId) {
        // getAll loads outside Caffeine's locks: a virtual thread reading the database pins no carrier thread.
        return variants.getAll(List.of(attemptId), ids -> Map.of(attemptId, jdbc.sql("select variant from exam_attempt where id = :id")
                .param("id", attemptId).query((rs, n) -> parseVariant(rs.getString(1))).single())).get(attemptId);
    }

    Optional<Attempt> findFor(long examId, long userId) {
        return jdbc.sql("select * from exam_attempt where exam_id = :e and user_id = :u")
                .param("e", examId).param("u", userId).query(AttemptStore::attempt).optional();
    }

    Map<Integer, JsonNode> answers(long attemptId) {
        Map<Integer, JsonNode> answers = new LinkedHashMap<>();
        jdbc.sql("select no, response from exam_answer where attempt_id = :a order by no").param("a", attemptId)
                .query((rs, n) -> new SavedAnswer(rs.getInt("no"), ExamStore.JSON.readTree(rs.getString("response"))))
                .list().forEach(a -> answers.put(a.no(), a.value()));
        return answers;
    }

    /** Stores or replaces the answer to one item (the caller holds the attempt's row lock, so no insert can race). */
    void saveAnswer(long attemptId, int no, JsonNode value, Instant now) {
        String json = ExamStore.JSON.writeValueAsString(value);
        int updated = jdbc.sql("update exam_answer set response = :v, saved_at = :now where attempt_id = :a and no = :no")
                .param("v", json).param("now", ExamStore.utc(now)).param("a", attemptId).param("no", no).update();
        if (updated == 0) {
            jdbc.sql("insert into exam_answer (attempt_id, no, response, saved_at) values (:a, :no, :v, :now)")
                    .param("a", attemptId).param("no", no).param("v", json).param("now", ExamStore.utc(now)).update();
        }
    }

    void clearAnswer(long attemptId, int no) {
        jdbc.sql("delete from exam_answer where attempt_id = :a and no = :no").param("a", attemptId).param("no", no).update();
    }

    /** Submits an open attempt; false when it was already submitted (the first submission stands). */
    boolean submit(long attemptId, Instant now, Attempt.SubmittedBy by) {
        return jdbc.sql("""
                update exam_attempt set status = 'SUBMITTED', submitted_at = :now, submitted_by = :by
                where id = :id and status = 'OPEN'""")
                .param("now", ExamStore.utc(now)).param("by", by.name()).param("id", attemptId).update() == 1;
    }

    /** Open attempts whose deadline lies before {@code cutoff}, oldest first. */
    List<Long> openBefore(Instant cutoff, int limit) {
        return jdbc.sql("select id from exam_attempt where status = 'OPEN' and deadline < :cutoff order by deadline limit :limit")
                .param("cutoff", ExamStore.utc(cutoff)).param("limit", limit).query(Long.class).list();
    }

    boolean anyOpen(long examId) {
        return jdbc.sql("select count(*) from exam_attempt where exam_id = :e and status = 'OPEN'")
                .param("e", examId).query(Long.class).single() > 0;
    }

    List<Long> submittedIds(long examId) {
        return jdbc.sql("select id from exam_attempt where exam_id = :e and status = 'SUBMITTED' order by id")
                .param("e", examId).query(Long.class).list();
    }

    long submittedCount(long examId) {
        return jdbc.sql("select count(*) from exam_attempt where exam_id = :e and status = 'SUBMITTED'")
                .param("e", examId).query(Long.class).single();
    }

    List<Progress> progress(long examId) {
        return jdbc.sql("""
                select a.id, a.user_id, a.status, a.started_at, a.deadline, a.submitted_at,
                    (select count(*) from exam_answer w where w.attempt_id = a.id) answered
                from exam_attempt a where a.exam_id = :e order by a.id""")
                .param("e", examId)
                .query((rs, n) -> new Progress(rs.getLong("id"), rs.getLong("user_id"), Attempt.Status.valueOf(rs.getString("status")),
                        ExamStore.instant(rs, "started_at"), ExamStore.instant(rs, "deadline"), ExamStore.instant(rs, "submitted_at"),
                        rs.getInt("answered")))
                .list();
    }

    /** Attempts of one user, by exam id. */
    Map<Long, Attempt> byUser(long userId) {
        Map<Long, Attempt> attempts = new LinkedHashMap<>();
        jdbc.sql("select * from exam_attempt where user_id = :u").param("u", userId).query(AttemptStore::attempt).list()
                .forEach(a -> attempts.put(a.examId(), a));
        return attempts;
    }

    private static Attempt attempt(ResultSet rs, int n) throws SQLException {
        return attempt(rs, parseVariant(rs.getString("variant")));
    }

    private static Attempt attempt(ResultSet rs, List<PaperItem> items) throws SQLException {
        String by = rs.getString("submitted_by");
        return new Attempt(rs.getLong("id"), rs.getLong("exam_id"), rs.getLong("user_id"), ExamStore.instant(rs, "started_at"),
                new Deadline(ExamStore.instant(rs, "deadline")), Attempt.Status.valueOf(rs.getString("status")),
                ExamStore.instant(rs, "submitted_at"), by == null ? null : Attempt.SubmittedBy.valueOf(by), items);
    }

    private static List<PaperItem> parseVariant(String json) {
        return ExamStore.JSON.readValue(json, new TypeReference<List<PaperItem>>() {});
    }
}
