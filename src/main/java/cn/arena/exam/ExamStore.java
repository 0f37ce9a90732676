package cn.arena.exam;

import cn.arena.bank.MultipleChoiceScoring;
import cn.arena.paper.BankShare;
import cn.arena.paper.Blueprint;
import cn.arena.paper.Section;
import cn.arena.paper.Slot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Exams and their enrolments, in the exam tables. */
@Repository
class ExamStore {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ExamStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Exam exam, @Nullable String createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        BankShare share = exam.blueprint().bankShare();
        jdbc.sql("""
                insert into exam (title, owner_unit_id, bank_ids, window_start, window_end, duration_minutes, variant,
                    shuffle_questions, shuffle_options, blueprint, bank_share_bank_id, bank_share_min_percent,
                    multiple_choice_scoring, tie_break, seed, status, created_by, created_at)
                values (:title, :owner, :banks, :ws, :we, :duration, :variant, :sq, :so, :blueprint, :shareBank, :sharePercent,
                    :scoring, :tieBreak, :seed, :status, :by, :now)""")
                .param("title", exam.title())
                .param("owner", exam.ownerUnitId())
                .param("banks", JSON.writeValueAsString(exam.bankIds()))
                .param("ws", utc(exam.windowStart()))
                .param("we", utc(exam.windowEnd()))
                .param("duration", exam.durationMinutes())
                .param("variant", exam.variant().name())
                .param("sq", exam.shuffleQuestions())
                .param("so", exam.shuffleOptions())
                .param("blueprint", JSON.writeValueAsString(exam.blueprint().sections()))
                .param("shareBank", share == null ? null : share.bankId())
                .param("sharePercent", share == null ? null : share.minPercent())
                .param("scoring", exam.multipleChoiceScoring().name())
                .param("tieBreak", exam.tieBreak() == null ? null : exam.tieBreak().name())
                .param("seed", exam.seed())
                .param("status", exam.status().name())
                .param("by", createdBy)
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<Exam> find(long id) {
        return jdbc.sql("select * from exam where id = :id").param("id", id).query(ExamStore::exam).optional();
    }

    Optional<Exam> findByTitle(String title) {
        return jdbc.sql("select * from exam where title = :t order by id limit 1").param("t", title).query(ExamStore::exam).optional();
    }

    List<Exam> all() {
        return jdbc.sql("select * from exam order by window_start desc, id desc").query(ExamStore::exam).list();
    }

    /** Published exams the user is enrolled on, latest window first. */
    List<Exam> enrolledPublished(long userId) {
        return jdbc.sql("""
                select e.* from exam e join exam_enrolment n on n.exam_id = e.id
                where n.user_id = :u and e.status = 'PUBLISHED' order by e.window_start desc, e.id desc""")
                .param("u", userId).query(ExamStore::exam).list();
    }

    /** Publishes a draft; false when it was already published. SHARED exams store their one drawn paper with it. */
    boolean publish(long id, @Nullable List<Slot> sharedSelection) {
        return jdbc.sql("update exam set status = 'PUBLISHED', shared_selection = :sel where id = :id and status = 'DRAFT'")
                .param("sel", sharedSelection == null ? null : JSON.writeValueAsString(sharedSelection))
                .param("id", id).update() == 1;
    }

    /** Enrols the users not enrolled yet; returns how many were new. */
    int enrol(long examId, Collection<Long> userIds, Instant now) {
        int added = 0;
        for (long userId : userIds.stream().distinct().toList()) {
            try {
                added += jdbc.sql("""
                        insert into exam_enrolment (exam_id, user_id, enrolled_at)
                        select :e, :u, :now where not exists (select 1 from exam_enrolment where exam_id = :e and user_id = :u)""")
                        .param("e", examId).param("u", userId).param("now", utc(now)).update();
            } catch (DuplicateKeyException raced) {
                // Enrolled by a parallel request between the check and the insert: already there, nothing to add.
            }
        }
        return added;
    }

    boolean isEnrolled(long examId, long userId) {
        return jdbc.sql("select count(*) from exam_enrolment where exam_id = :e and user_id = :u")
                .param("e", examId).param("u", userId).query(Integer.class).single() > 0;
    }

    List<Long> enrolledUserIds(long examId) {
        return jdbc.sql("select user_id from exam_enrolment where exam_id = :e order by user_id")
                .param("e", examId).query(Long.class).list();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Exam exam(ResultSet rs, int n) throws SQLException {
        Long shareBank = rs.getObject("bank_share_bank_id", Long.class);
        BankShare share = shareBank == null ? null : new BankShare(shareBank, rs.getInt("bank_share_min_percent"));
        List<Section> sections = JSON.readValue(rs.getString("blueprint"), new TypeReference<List<Section>>() {});
        String tieBreak = rs.getString("tie_break");
        String shared = rs.getString("shared_selection");
        return new Exam(rs.getLong("id"), rs.getString("title"), rs.getObject("owner_unit_id", Long.class),
                JSON.readValue(rs.getString("bank_ids"), new TypeReference<List<Long>>() {}),
                instant(rs, "window_start"), instant(rs, "window_end"), rs.getInt("duration_minutes"),
                Exam.Variant.valueOf(rs.getString("variant")), rs.getBoolean("shuffle_questions"), rs.getBoolean("shuffle_options"),
                new Blueprint(sections, share), MultipleChoiceScoring.valueOf(rs.getString("multiple_choice_scoring")),
                tieBreak == null ? null : Exam.TieBreak.valueOf(tieBreak), rs.getLong("seed"), Exam.Status.valueOf(rs.getString("status")),
                shared == null ? null : JSON.readValue(shared, new TypeReference<List<Slot>>() {}));
    }
}
