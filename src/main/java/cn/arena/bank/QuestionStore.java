package cn.arena.bank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Banks and question versions in their tables. Questions travel as {@link Question}; JSON columns hold the parts. */
@Repository
class QuestionStore {

    record BankRow(long id, String name, @Nullable Long ownerUnitId) {}

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    QuestionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertBank(String name, @Nullable Long ownerUnitId, String createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into bank (name, owner_unit_id, created_by, created_at) values (:n, :o, :c, :t)")
                .param("n", name).param("o", ownerUnitId).param("c", createdBy).param("t", utc(now)).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<BankRow> findBank(long id) {
        return jdbc.sql("select id, name, owner_unit_id from bank where id = :id").param("id", id)
                .query((rs, n) -> new BankRow(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class))).optional();
    }

    List<BankRow> banks() {
        return jdbc.sql("select id, name, owner_unit_id from bank order by id")
                .query((rs, n) -> new BankRow(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class))).list();
    }

    long insert(Question q, @Nullable Long replacesId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into question (bank_id, type, stem, options, answer, analysis, category, difficulty, points, keywords,
                                      status, used, replaces_id, created_at)
                values (:bank, :type, :stem, :options, :answer, :analysis, :category, :difficulty, :points, :keywords,
                        'ACTIVE', false, :replaces, :now)""")
                .param("bank", q.bankId()).param("type", q.type().name()).param("stem", q.stem())
                .param("options", JSON.writeValueAsString(q.options())).param("answer", JSON.writeValueAsString(q.answer()))
                .param("analysis", q.analysis()).param("category", q.category()).param("difficulty", q.difficulty())
                .param("points", q.points()).param("keywords", JSON.writeValueAsString(q.keywords()))
                .param("replaces", replacesId).param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<Question> find(long id) {
        return jdbc.sql("select * from question where id = :id").param("id", id).query(QuestionStore::question).optional();
    }

    List<Question> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Question> found = new ArrayList<>();
        List<Long> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 500) {
            found.addAll(jdbc.sql("select * from question where id in (:ids)").param("ids", all.subList(i, Math.min(all.size(), i + 500)))
                    .query(QuestionStore::question).list());
        }
        return found;
    }

    /** Active questions of the banks, optionally of one type, category subtree and difficulty, in id order. */
    List<Question> active(Collection<Long> bankIds, @Nullable QuestionType type, @Nullable String category, @Nullable Integer difficulty) {
        if (bankIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from question
                where bank_id in (:banks) and status = 'ACTIVE'
                  and (:type is null or type = :type)
                  and (:category is null or category = :category or category like :prefix)
                  and (:difficulty is null or difficulty = :difficulty)
                order by id""")
                .param("banks", bankIds).param("type", type == null ? null : type.name())
                .param("category", category).param("prefix", category == null ? null : category + "/%")
                .param("difficulty", difficulty)
                .query(QuestionStore::question).list();
    }

    void markUsed(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update question set used = true where id in (:ids) and used = false").param("ids", ids).update();
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Question question(ResultSet rs, int n) throws SQLException {
        return new Question(rs.getLong("id"), rs.getLong("bank_id"), QuestionType.valueOf(rs.getString("type")),
                rs.getString("stem"),
                JSON.readValue(rs.getString("options"), new TypeReference<List<Option>>() {}),
                JSON.readTree(rs.getString("answer")),
                rs.getString("analysis"), rs.getString("category"), rs.getInt("difficulty"),
                rs.getBigDecimal("points").stripTrailingZeros(),
                JSON.readValue(rs.getString("keywords"), new TypeReference<List<String>>() {}));
    }
}
