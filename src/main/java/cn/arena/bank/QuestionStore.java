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
        return activeOf("*", bankIds, type, category, difficulty, QuestionStore::question);
    }

    /** What a draw reads of a question: its options still as JSON, parsed only when not known already. */
    record DrawRow(long id, long bankId, QuestionType type, boolean used, String options) {}

    /** The active questions of {@link #active}, without their stems, keys and analyses. */
    List<DrawRow> activeForDraw(Collection<Long> bankIds, QuestionType type, @Nullable String category, @Nullable Integer difficulty) {
        return activeOf("id, bank_id, type, used, options", bankIds, type, category, difficulty,
                (rs, n) -> new DrawRow(rs.getLong(1), rs.getLong(2), QuestionType.valueOf(rs.getString(3)), rs.getBoolean(4),
                        rs.getString(5)));
    }

    private <T> List<T> activeOf(String columns, Collection<Long> bankIds, @Nullable QuestionType type, @Nullable String category,
            @Nullable Integer difficulty, org.springframework.jdbc.core.RowMapper<T> row) {
        if (bankIds.isEmpty()) {
            return List.of();
        }
        var params = new java.util.LinkedHashMap<String, Object>();
        params.put("banks", bankIds);
        String where = " from question where bank_id in (:banks) and status = 'ACTIVE'"
                + narrowing(new Filter(type, category, difficulty, null), params);
        return jdbc.sql("select " + columns + where + " order by id").params(params).query(row).list();
    }

    static List<String> optionKeys(String optionsJson) {
        return JSON.readValue(optionsJson, new TypeReference<List<Option>>() {}).stream().map(Option::key).toList();
    }

    /** Ids of the active questions of the banks of the given types, in id order. */
    List<Long> activeIds(Collection<Long> bankIds, Collection<QuestionType> types) {
        if (bankIds.isEmpty() || types.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from question where bank_id in (:banks) and status = 'ACTIVE' and type in (:types) order by id")
                .param("banks", bankIds).param("types", types.stream().map(Enum::name).toList()).query(Long.class).list();
    }

    /** What the bank's question list may be narrowed to; null means no narrowing. */
    record Filter(@Nullable QuestionType type, @Nullable String category, @Nullable Integer difficulty, @Nullable String text) {}

    /** One page of a bank's active questions in id order, and how many match in all. */
    record Page(List<Version> items, long total) {}

    Page search(long bankId, Filter filter, int page, int size) {
        var params = new java.util.LinkedHashMap<String, Object>();
        params.put("bank", bankId);
        String where = " from question where bank_id = :bank and status = 'ACTIVE'" + narrowing(filter, params);
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Version> items = jdbc.sql("select *" + where + " order by id limit :limit offset :offset").params(params)
                .param("limit", size).param("offset", (long) page * size).query(QuestionStore::version).list();
        return new Page(items, total);
    }

    /**
     * The SQL conditions of a filter, adding their parameters. Only the conditions in use are written: PostgreSQL
     * cannot type a parameter that appears only in {@code :p is null}.
     */
    private static String narrowing(Filter filter, java.util.Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (filter.type() != null) {
            where.append(" and type = :type");
            params.put("type", filter.type().name());
        }
        String category = QuestionDraft.normalizeCategory(filter.category());
        if (!category.isEmpty()) {
            where.append(" and (category = :category or category like :prefix escape '\\')");
            params.put("category", category);
            params.put("prefix", likeEscaped(category) + "/%");
        }
        if (filter.difficulty() != null) {
            where.append(" and difficulty = :difficulty");
            params.put("difficulty", filter.difficulty());
        }
        if (filter.text() != null) {
            where.append(" and lower(stem) like :text escape '\\'");
            params.put("text", "%" + likeEscaped(filter.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        return where.toString();
    }

    /** Every active question of a bank, in id order (for export). */
    List<Question> activeOf(long bankId) {
        return jdbc.sql("select * from question where bank_id = :bank and status = 'ACTIVE' order by id").param("bank", bankId)
                .query(QuestionStore::question).list();
    }

    /** A version with its lifecycle flags, for the people editing the bank. */
    record Version(Question question, boolean active, boolean used) {}

    Optional<Version> version(long id) {
        return jdbc.sql("select * from question where id = :id").param("id", id).query(QuestionStore::version).optional();
    }

    /** Number of active questions per category path ("" for none). */
    java.util.Map<String, Integer> categoryCounts(long bankId) {
        var counts = new java.util.TreeMap<String, Integer>();
        jdbc.sql("select category, count(*) from question where bank_id = :bank and status = 'ACTIVE' group by category")
                .param("bank", bankId).query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** Overwrites an active version no exam has used; false when it has been used (or retired) meanwhile. */
    boolean updateUnused(long id, Question q) {
        return jdbc.sql("""
                update question set type = :type, stem = :stem, options = :options, answer = :answer, analysis = :analysis,
                       category = :category, difficulty = :difficulty, points = :points, keywords = :keywords
                where id = :id and used = false and status = 'ACTIVE'""")
                .param("type", q.type().name()).param("stem", q.stem())
                .param("options", JSON.writeValueAsString(q.options())).param("answer", JSON.writeValueAsString(q.answer()))
                .param("analysis", q.analysis()).param("category", q.category()).param("difficulty", q.difficulty())
                .param("points", q.points()).param("keywords", JSON.writeValueAsString(q.keywords()))
                .param("id", id).update() == 1;
    }

    /** Takes an active version out of the bank, keeping the row for the attempts that refer to it. */
    boolean retire(long id) {
        return jdbc.sql("update question set status = 'RETIRED' where id = :id and status = 'ACTIVE'").param("id", id).update() == 1;
    }

    /** Removes an active version no exam has used; false when it has been used meanwhile. */
    boolean deleteUnused(long id) {
        return jdbc.sql("delete from question where id = :id and used = false and status = 'ACTIVE'").param("id", id).update() == 1;
    }

    Optional<Long> findBankByName(String name) {
        return jdbc.sql("select id from bank where name = :name order by id").param("name", name).query(Long.class)
                .list().stream().findFirst();
    }

    void markUsed(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update question set used = true where id in (:ids) and used = false").param("ids", ids).update();
        }
    }

    /** Text matched literally by LIKE ... ESCAPE '\\': its own %, _ and \\ lose their meaning. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Version version(ResultSet rs, int n) throws SQLException {
        return new Version(question(rs, n), "ACTIVE".equals(rs.getString("status")), rs.getBoolean("used"));
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
