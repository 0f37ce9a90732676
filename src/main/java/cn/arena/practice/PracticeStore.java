package cn.arena.practice;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The practice module's tables. */
@Repository
class PracticeStore {

    record ProgrammeRow(long id, String name, long orgUnitId, int year, List<Long> bankIds, Rules rules) {}

    record DailyItemRow(int no, long questionId, @Nullable JsonNode answer, @Nullable Boolean correct) {}

    record ExamRow(long programmeId, Period.Kind kind, String period, long examId, Instant windowStart, Instant windowEnd,
            @Nullable Instant releasedAt) {}

    record ScoreRow(long userId, @Nullable Long orgUnitId, String period, BigDecimal score) {}

    record MistakeRow(long questionId, MistakeEntry entry) {}

    record TitleRow(String code, String period) {}

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    /** A savepoint around an insert that may lose a race, so the surrounding transaction survives (PostgreSQL aborts it otherwise). */
    private final TransactionTemplate nested;
    private final JdbcTemplate batch;

    PracticeStore(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    // --- programmes ---

    long insertProgramme(String name, long orgUnitId, int year, List<Long> bankIds, Rules rules, String by, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into practice_programme (name, org_unit_id, programme_year, bank_ids, rules, created_by, created_at)
                values (:name, :unit, :year, :banks, :rules, :by, :now)""")
                .param("name", name).param("unit", orgUnitId).param("year", year)
                .param("banks", String.join(",", bankIds.stream().map(String::valueOf).toList()))
                .param("rules", JSON.writeValueAsString(rules)).param("by", by).param("now", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<ProgrammeRow> programme(long id) {
        return jdbc.sql("select * from practice_programme where id = :id").param("id", id).query(PracticeStore::programme).optional();
    }

    List<ProgrammeRow> programmes() {
        return jdbc.sql("select * from practice_programme order by id").query(PracticeStore::programme).list();
    }

    private static ProgrammeRow programme(ResultSet rs, int n) throws SQLException {
        return new ProgrammeRow(rs.getLong("id"), rs.getString("name"), rs.getLong("org_unit_id"), rs.getInt("programme_year"),
                Arrays.stream(rs.getString("bank_ids").split(",")).map(Long::valueOf).toList(),
                JSON.readValue(rs.getString("rules"), Rules.class));
    }

    // --- daily study ---

    List<DailyItemRow> dailyItems(long programmeId, long userId, LocalDate day) {
        return jdbc.sql("""
                select no, question_id, answer, correct from practice_daily_item
                where programme_id = :p and user_id = :u and study_day = :d order by no""")
                .param("p", programmeId).param("u", userId).param("d", day)
                .query((rs, n) -> new DailyItemRow(rs.getInt("no"), rs.getLong("question_id"),
                        rs.getString("answer") == null ? null : JSON.readTree(rs.getString("answer")),
                        (Boolean) rs.getObject("correct")))
                .list();
    }

    /** Stores a day's set; false when another request stored it first (then read that one). */
    boolean insertDailySet(long programmeId, long userId, LocalDate day, List<Long> questionIds) {
        return once(() -> {
            for (int i = 0; i < questionIds.size(); i++) {
                jdbc.sql("insert into practice_daily_item (programme_id, user_id, study_day, no, question_id) values (:p, :u, :d, :no, :q)")
                        .param("p", programmeId).param("u", userId).param("d", day).param("no", i + 1).param("q", questionIds.get(i))
                        .update();
            }
        });
    }

    Set<Long> metQuestions(long programmeId, long userId) {
        return new HashSet<>(jdbc.sql("select distinct question_id from practice_daily_item where programme_id = :p and user_id = :u")
                .param("p", programmeId).param("u", userId).query(Long.class).list());
    }

    /** Records the first answer to an item; false when it was already answered (the stored answer stays). */
    boolean answerDaily(long programmeId, long userId, LocalDate day, int no, JsonNode value, boolean correct, Instant now) {
        return jdbc.sql("""
                update practice_daily_item set answer = :a, correct = :c, answered_at = :now
                where programme_id = :p and user_id = :u and study_day = :d and no = :no and answer is null""")
                .param("a", JSON.writeValueAsString(value)).param("c", correct).param("now", utc(now))
                .param("p", programmeId).param("u", userId).param("d", day).param("no", no).update() == 1;
    }

    void insertStudiedDay(long programmeId, long userId, LocalDate day) {
        once(() -> jdbc.sql("insert into practice_studied_day (programme_id, user_id, study_day) values (:p, :u, :d)")
                .param("p", programmeId).param("u", userId).param("d", day).update());
    }

    List<LocalDate> studiedDays(long programmeId, long userId) {
        return jdbc.sql("select study_day from practice_studied_day where programme_id = :p and user_id = :u order by study_day")
                .param("p", programmeId).param("u", userId).query(LocalDate.class).list();
    }

    /** Studied days per member between two days (inclusive). */
    Map<Long, Integer> studiedDayCounts(long programmeId, LocalDate from, LocalDate to) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("""
                select user_id, count(*) from practice_studied_day where programme_id = :p and study_day between :f and :t
                group by user_id""")
                .param("p", programmeId).param("f", from).param("t", to)
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        return counts;
    }

    /** The member took part on that day (and so in that month); once. */
    void insertActivity(long programmeId, long userId, LocalDate day) {
        if (once(() -> jdbc.sql("insert into practice_activity (programme_id, user_id, study_day) values (:p, :u, :d)")
                .param("p", programmeId).param("u", userId).param("d", day).update())) {
            LocalDate month = day.withDayOfMonth(1);
            once(() -> jdbc.sql("""
                    insert into practice_active_month (programme_id, month_start, user_id)
                    select :p, :m, :u where not exists (select 1 from practice_active_month where programme_id = :p and month_start = :m and user_id = :u)""")
                    .param("p", programmeId).param("m", month).param("u", userId).update());
        }
    }

    /**
     * Members who took part in anything between two days (inclusive): the whole months of the range from the months
     * kept, the part-months at its ends from the days.
     */
    Set<Long> activeMembers(long programmeId, LocalDate from, LocalDate to) {
        LocalDate fullFrom = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate fullUntil = to.plusDays(1).getDayOfMonth() == 1 ? to.plusDays(1) : to.withDayOfMonth(1); // exclusive
        if (!fullFrom.isBefore(fullUntil)) {
            return activeOnDays(programmeId, from, to);
        }
        Set<Long> active = new HashSet<>(jdbc.sql("""
                select distinct user_id from practice_active_month where programme_id = :p and month_start >= :f and month_start < :u""")
                .param("p", programmeId).param("f", fullFrom).param("u", fullUntil).query(Long.class).list());
        if (from.isBefore(fullFrom)) {
            active.addAll(activeOnDays(programmeId, from, fullFrom.minusDays(1)));
        }
        if (!to.isBefore(fullUntil)) {
            active.addAll(activeOnDays(programmeId, fullUntil, to));
        }
        return active;
    }

    private Set<Long> activeOnDays(long programmeId, LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.sql("select distinct user_id from practice_activity where programme_id = :p and study_day between :f and :t")
                .param("p", programmeId).param("f", from).param("t", to).query(Long.class).list());
    }

    // --- weekly practice and monthly contest ---

    List<ExamRow> exams(long programmeId) {
        return jdbc.sql("select * from practice_exam where programme_id = :p order by window_start, kind")
                .param("p", programmeId).query(PracticeStore::exam).list();
    }

    Optional<ExamRow> examById(long examId) {
        return jdbc.sql("select * from practice_exam where exam_id = :e").param("e", examId).query(PracticeStore::exam).optional();
    }

    /** Exams whose window has closed and whose results are not yet released. */
    List<ExamRow> closedUnreleased(Instant now) {
        return jdbc.sql("select * from practice_exam where released_at is null and window_end <= :now order by window_end")
                .param("now", utc(now)).query(PracticeStore::exam).list();
    }

    void insertExam(ExamRow row) {
        jdbc.sql("""
                insert into practice_exam (programme_id, kind, period, exam_id, window_start, window_end)
                values (:p, :k, :period, :e, :s, :end)""")
                .param("p", row.programmeId()).param("k", row.kind().name()).param("period", row.period()).param("e", row.examId())
                .param("s", utc(row.windowStart())).param("end", utc(row.windowEnd())).update();
    }

    /** Marks the exam released for the practice side; false when another node did it first. */
    boolean markReleased(long examId, Instant now) {
        return jdbc.sql("update practice_exam set released_at = :now where exam_id = :e and released_at is null")
                .param("now", utc(now)).param("e", examId).update() == 1;
    }

    private static ExamRow exam(ResultSet rs, int n) throws SQLException {
        return new ExamRow(rs.getLong("programme_id"), Period.Kind.valueOf(rs.getString("kind")), rs.getString("period"),
                rs.getLong("exam_id"), instant(rs, "window_start"), instant(rs, "window_end"),
                rs.getObject("released_at") == null ? null : instant(rs, "released_at"));
    }

    void insertScore(long programmeId, Period.Kind kind, String period, long userId, @Nullable Long orgUnitId, BigDecimal score) {
        jdbc.sql("""
                insert into practice_score (programme_id, kind, period, user_id, org_unit_id, score)
                values (:p, :k, :period, :u, :unit, :s)""")
                .param("p", programmeId).param("k", kind.name()).param("period", period).param("u", userId)
                .param("unit", orgUnitId).param("s", score).update();
    }

    /** Released scores of one period, or of every period whose key starts with a prefix (a year's months: "2026-"). */
    List<ScoreRow> scores(long programmeId, Period.Kind kind, String periodOrPrefix, boolean prefix) {
        return jdbc.sql("select user_id, org_unit_id, period, score from practice_score where programme_id = :p and kind = :k and "
                        + (prefix ? "period like :period" : "period = :period") + " order by period, user_id")
                .param("p", programmeId).param("k", kind.name()).param("period", prefix ? periodOrPrefix + "%" : periodOrPrefix)
                .query((rs, n) -> new ScoreRow(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getBigDecimal(4)))
                .list();
    }

    /**
     * Makes the year's board anew from its released monthly contests: per member the sum of their scores, under the
     * unit of their latest contest (a member who moved counts where they sat last), as rows of kind YEAR.
     */
    void refreshYearTotals(long programmeId, String year) {
        jdbc.sql("delete from practice_score where programme_id = :p and kind = 'YEAR' and period = :year")
                .param("p", programmeId).param("year", year).update();
        jdbc.sql("""
                insert into practice_score (programme_id, kind, period, user_id, org_unit_id, score)
                select t.programme_id, 'YEAR', :year, t.user_id,
                       (select l.org_unit_id from practice_score l
                        where l.programme_id = t.programme_id and l.kind = 'MONTH' and l.user_id = t.user_id and l.period like :months
                        order by l.period desc limit 1),
                       t.total
                from (select programme_id, user_id, sum(score) as total from practice_score
                      where programme_id = :p and kind = 'MONTH' and period like :months group by programme_id, user_id) t""")
                .param("p", programmeId).param("year", year).param("months", year + "-%").update();
    }

    // --- boards: ranked once per period when its scores are written (V16) ---

    record Ranked(int rank, long userId, long orgUnitId, BigDecimal score) {}

    /** Replaces the programme's snapshot of its tree: for each unit, the boards it lies on (its own and those above it). */
    void replaceBoardUnits(long programmeId, Map<Long, List<Long>> boardsOfUnit) {
        jdbc.sql("delete from practice_board_unit where programme_id = :p").param("p", programmeId).update();
        List<Object[]> rows = boardsOfUnit.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(board -> new Object[] {programmeId, e.getKey(), board})).toList();
        batch.batchUpdate("insert into practice_board_unit (programme_id, unit_id, board_unit_id) values (?, ?, ?)", rows);
    }

    /**
     * Ranks one period's scores on every board of the programme's tree snapshot and counts each board's members,
     * replacing an earlier ranking of the period: rank() is standard competition ranking, as {@code shared.Ranking}.
     * Scores without a unit, or under a unit outside the tree, are on no board.
     */
    void rankPeriod(long programmeId, Period.Kind kind, String period) {
        for (String table : List.of("practice_rank", "practice_board")) {
            jdbc.sql("delete from " + table + " where programme_id = :p and kind = :k and period = :period")
                    .param("p", programmeId).param("k", kind.name()).param("period", period).update();
        }
        jdbc.sql("""
                insert into practice_rank (programme_id, kind, period, board_unit_id, user_id, org_unit_id, score, rank)
                select s.programme_id, s.kind, s.period, b.board_unit_id, s.user_id, s.org_unit_id, s.score,
                       rank() over (partition by b.board_unit_id order by s.score desc)
                from practice_score s join practice_board_unit b on b.programme_id = s.programme_id and b.unit_id = s.org_unit_id
                where s.programme_id = :p and s.kind = :k and s.period = :period""")
                .param("p", programmeId).param("k", kind.name()).param("period", period).update();
        jdbc.sql("""
                insert into practice_board (programme_id, kind, period, unit_id, members)
                select b.programme_id, :k, :period, b.board_unit_id, count(s.user_id)
                from practice_board_unit b left join practice_score s
                     on s.programme_id = b.programme_id and s.kind = :k and s.period = :period and s.org_unit_id = b.unit_id
                where b.programme_id = :p group by b.programme_id, b.board_unit_id""")
                .param("p", programmeId).param("k", kind.name()).param("period", period).update();
    }

    /** The periods of the programme whose board of {@code rootUnit} (the programme's own) has been ranked. */
    Set<String> rankedPeriods(long programmeId, long rootUnit) {
        return new HashSet<>(jdbc.sql("select kind, period from practice_board where programme_id = :p and unit_id = :u")
                .param("p", programmeId).param("u", rootUnit).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list());
    }

    boolean hasScores(long programmeId, Period.Kind kind, String period) {
        return !jdbc.sql("select 1 from practice_score where programme_id = :p and kind = :k and period = :period limit 1")
                .param("p", programmeId).param("k", kind.name()).param("period", period).query(Integer.class).list().isEmpty();
    }

    /** How many members a board ranks; 0 for a board not ranked. */
    int boardMembers(long programmeId, Period.Kind kind, String period, long boardUnit) {
        return jdbc.sql("select members from practice_board where programme_id = :p and kind = :k and period = :period and unit_id = :u")
                .param("p", programmeId).param("k", kind.name()).param("period", period).param("u", boardUnit)
                .query(Integer.class).optional().orElse(0);
    }

    /** One page of a board, best first, equal scores by user id. */
    List<Ranked> boardPage(long programmeId, Period.Kind kind, String period, long boardUnit, long offset, int limit) {
        return jdbc.sql("select rank, user_id, org_unit_id, score from practice_rank"
                        + " where programme_id = :p and kind = :k and period = :period and board_unit_id = :u"
                        + " order by rank, user_id limit :limit offset :offset")
                .param("p", programmeId).param("k", kind.name()).param("period", period).param("u", boardUnit)
                .param("limit", limit).param("offset", offset).query(PracticeStore::ranked).list();
    }

    /** A member's own row on a board, if they are on it. */
    Optional<Ranked> rankOn(long programmeId, Period.Kind kind, String period, long boardUnit, long userId) {
        return jdbc.sql("select rank, user_id, org_unit_id, score from practice_rank"
                        + " where programme_id = :p and kind = :k and period = :period and board_unit_id = :u and user_id = :user")
                .param("p", programmeId).param("k", kind.name()).param("period", period).param("u", boardUnit).param("user", userId)
                .query(PracticeStore::ranked).optional();
    }

    private static Ranked ranked(ResultSet rs, int n) throws SQLException {
        return new Ranked(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4));
    }

    // --- the wrong-answer book ---

    Optional<MistakeEntry> mistake(long programmeId, long userId, long questionId) {
        return jdbc.sql("select wrong_count, right_in_row from practice_mistake where programme_id = :p and user_id = :u and question_id = :q")
                .param("p", programmeId).param("u", userId).param("q", questionId)
                .query((rs, n) -> new MistakeEntry(rs.getInt(1), rs.getInt(2))).optional();
    }

    List<MistakeRow> mistakes(long programmeId, long userId) {
        return jdbc.sql("""
                select question_id, wrong_count, right_in_row from practice_mistake where programme_id = :p and user_id = :u
                order by wrong_count desc, question_id""")
                .param("p", programmeId).param("u", userId)
                .query((rs, n) -> new MistakeRow(rs.getLong(1), new MistakeEntry(rs.getInt(2), rs.getInt(3)))).list();
    }

    /** Puts a wrongly answered question into the book, or counts one more wrong answer to it. */
    void addMistake(long programmeId, long userId, long questionId) {
        Optional<MistakeEntry> entry = mistake(programmeId, userId, questionId);
        if (entry.isPresent()) {
            saveMistake(programmeId, userId, questionId, entry.get().wrongAgain());
        } else if (!once(() -> jdbc.sql("""
                insert into practice_mistake (programme_id, user_id, question_id, wrong_count, right_in_row) values (:p, :u, :q, 1, 0)""")
                .param("p", programmeId).param("u", userId).param("q", questionId).update())) {
            addMistake(programmeId, userId, questionId);
        }
    }

    void saveMistake(long programmeId, long userId, long questionId, MistakeEntry entry) {
        jdbc.sql("update practice_mistake set wrong_count = :w, right_in_row = :r where programme_id = :p and user_id = :u and question_id = :q")
                .param("w", entry.wrongCount()).param("r", entry.rightInRow())
                .param("p", programmeId).param("u", userId).param("q", questionId).update();
    }

    void deleteMistake(long programmeId, long userId, long questionId) {
        jdbc.sql("delete from practice_mistake where programme_id = :p and user_id = :u and question_id = :q")
                .param("p", programmeId).param("u", userId).param("q", questionId).update();
    }

    // --- titles ---

    void insertTitle(long programmeId, long userId, Title title, String period, Instant now) {
        once(() -> jdbc.sql("insert into practice_title (programme_id, user_id, code, period, awarded_at) values (:p, :u, :c, :period, :now)")
                .param("p", programmeId).param("u", userId).param("c", title.name()).param("period", period).param("now", utc(now))
                .update());
    }

    List<TitleRow> titles(long programmeId, long userId) {
        return jdbc.sql("select code, period from practice_title where programme_id = :p and user_id = :u order by period, code")
                .param("p", programmeId).param("u", userId).query((rs, n) -> new TitleRow(rs.getString(1), rs.getString(2))).list();
    }

    /** Claims the awards of a title's period; false when they were done before (each period is awarded once). */
    boolean claimTitlePeriod(long programmeId, Title title, String period) {
        return once(() -> jdbc.sql("insert into practice_title_period (programme_id, code, period) values (:p, :c, :period)")
                .param("p", programmeId).param("c", title.name()).param("period", period).update());
    }

    // --- the scheduled job's lease ---

    boolean tryLease(String job, String node, Instant now, Instant until) {
        return jdbc.sql("update practice_job_lock set locked_until = :until, locked_by = :node where name = :job and locked_until <= :now")
                .param("until", utc(until)).param("node", node).param("job", job).param("now", utc(now)).update() == 1;
    }

    /** Extends a lease the node still holds; false when it had run out (and another node may have it now). */
    boolean renewLease(String job, String node, Instant now, Instant until) {
        return jdbc.sql("update practice_job_lock set locked_until = :until where name = :job and locked_by = :node and locked_until > :now")
                .param("until", utc(until)).param("node", node).param("job", job).param("now", utc(now)).update() == 1;
    }

    void endLease(String job, String node, Instant now) {
        jdbc.sql("update practice_job_lock set locked_until = :now where name = :job and locked_by = :node")
                .param("now", utc(now)).param("job", job).param("node", node).update();
    }

    private boolean once(Runnable insert) {
        try {
            nested.executeWithoutResult(s -> insert.run());
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
