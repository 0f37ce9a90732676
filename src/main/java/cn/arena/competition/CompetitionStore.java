package cn.arena.competition;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The competition module's tables, in plain SQL. */
@Repository
class CompetitionStore {

    record CompetitionRow(long id, String templateCode, String templateSource, String name, long orgUnitId, Instant registrationDeadline) {}

    public record StageRow(long id, long competitionId, String code, StageKind kind, String name, int position) {}

    enum TeamStatus { PENDING, APPROVED, REJECTED, WITHDRAWN }

    public record TeamRow(long id, long competitionId, long orgUnitId, String contactName, String contactPhone, TeamStatus status,
            @Nullable String reason) {

        boolean live() {
            return status == TeamStatus.PENDING || status == TeamStatus.APPROVED;
        }
    }

    record MemberRow(long teamId, long personId, String lookupKey, int position) {}

    record SittingRow(long id, long stageId, long examId, String unitKinds) {}

    record SeatRow(long sittingId, long personId, long userId, @Nullable String room, @Nullable Integer seat) {}

    record ExclusionRow(long id, String maskedIdNumber, String reason) {}

    private final JdbcClient jdbc;

    CompetitionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    long insertCompetition(String templateCode, String source, String name, long orgUnitId, Instant deadline, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into competition (template_code, template_source, name, org_unit_id, registration_deadline, created_at)
                values (:code, :source, :name, :unit, :deadline, :now)""")
                .param("code", templateCode).param("source", source).param("name", name).param("unit", orgUnitId)
                .param("deadline", utc(deadline)).param("now", utc(now)).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    long insertStage(long competitionId, String code, StageKind kind, String name, int position) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into competition_stage (competition_id, code, kind, name, position) values (:c, :code, :kind, :name, :pos)")
                .param("c", competitionId).param("code", code).param("kind", kind.name()).param("name", name).param("pos", position)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<CompetitionRow> competition(long id) {
        return jdbc.sql("select * from competition where id = :id").param("id", id).query(CompetitionStore::competition).optional();
    }

    List<CompetitionRow> competitions() {
        return jdbc.sql("select * from competition order by id desc").query(CompetitionStore::competition).list();
    }

    List<StageRow> stages(long competitionId) {
        return jdbc.sql("select * from competition_stage where competition_id = :c order by position")
                .param("c", competitionId).query(CompetitionStore::stage).list();
    }

    Optional<StageRow> stage(long stageId) {
        return jdbc.sql("select * from competition_stage where id = :id").param("id", stageId).query(CompetitionStore::stage).optional();
    }

    void insertExclusion(long competitionId, String lookupKey, String masked, String reason, Instant now) {
        jdbc.sql("""
                insert into competition_exclusion (competition_id, lookup_key, id_masked, reason, created_at)
                values (:c, :k, :m, :r, :now)""")
                .param("c", competitionId).param("k", lookupKey).param("m", masked).param("r", reason).param("now", utc(now)).update();
    }

    Map<String, String> exclusions(long competitionId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select lookup_key, reason from competition_exclusion where competition_id = :c and lookup_key in (:k)")
                .param("c", competitionId).param("k", keys)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    List<ExclusionRow> exclusionList(long competitionId) {
        return jdbc.sql("select id, id_masked, reason from competition_exclusion where competition_id = :c order by id")
                .param("c", competitionId).query((rs, n) -> new ExclusionRow(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** lookup key → live team, for the given keys. */
    Map<String, Long> liveTeamsOf(long competitionId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                select m.lookup_key, t.id from competition_team_member m join competition_team t on t.id = m.team_id
                where t.competition_id = :c and t.status in ('PENDING', 'APPROVED') and m.lookup_key in (:k)""")
                .param("c", competitionId).param("k", keys)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    boolean unitHasLiveTeam(long competitionId, long orgUnitId) {
        return jdbc.sql("""
                select count(*) from competition_team
                where competition_id = :c and org_unit_id = :u and status in ('PENDING', 'APPROVED')""")
                .param("c", competitionId).param("u", orgUnitId).query(Integer.class).single() > 0;
    }

    long insertTeam(long competitionId, long orgUnitId, String contactName, String contactPhone, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into competition_team (competition_id, org_unit_id, contact_name, contact_phone, status, created_at)
                values (:c, :u, :name, :phone, 'PENDING', :now)""")
                .param("c", competitionId).param("u", orgUnitId).param("name", contactName).param("phone", contactPhone)
                .param("now", utc(now)).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void insertMember(long teamId, long personId, String lookupKey, int position) {
        jdbc.sql("insert into competition_team_member (team_id, person_id, lookup_key, position) values (:t, :p, :k, :pos)")
                .param("t", teamId).param("p", personId).param("k", lookupKey).param("pos", position).update();
    }

    Optional<TeamRow> team(long teamId) {
        return jdbc.sql("select * from competition_team where id = :id").param("id", teamId).query(CompetitionStore::team).optional();
    }

    List<TeamRow> teams(long competitionId) {
        return jdbc.sql("select * from competition_team where competition_id = :c order by id")
                .param("c", competitionId).query(CompetitionStore::team).list();
    }

    void setStatus(long teamId, TeamStatus status, @Nullable String reason) {
        jdbc.sql("update competition_team set status = :s, status_reason = :r where id = :id")
                .param("s", status.name()).param("r", reason).param("id", teamId).update();
    }

    List<MemberRow> members(long teamId) {
        return jdbc.sql("select * from competition_team_member where team_id = :t order by position")
                .param("t", teamId).query((rs, n) -> new MemberRow(rs.getLong("team_id"), rs.getLong("person_id"),
                        rs.getString("lookup_key"), rs.getInt("position"))).list();
    }

    long insertSitting(long stageId, long examId, String unitKinds, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into competition_sitting (stage_id, exam_id, unit_kinds, created_at) values (:s, :e, :k, :now)")
                .param("s", stageId).param("e", examId).param("k", unitKinds).param("now", utc(now)).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    List<SittingRow> sittings(long stageId) {
        return jdbc.sql("select id, stage_id, exam_id, unit_kinds from competition_sitting where stage_id = :s order by id")
                .param("s", stageId).query((rs, n) -> new SittingRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).list();
    }

    Optional<SittingRow> sitting(long sittingId) {
        return jdbc.sql("select id, stage_id, exam_id, unit_kinds from competition_sitting where id = :id").param("id", sittingId)
                .query((rs, n) -> new SittingRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).optional();
    }

    /** Seats keep the order they were given in (room by room), so a sitting reads back as it was seated. */
    void insertSeat(long sittingId, long personId, long userId, @Nullable String room, @Nullable Integer seat) {
        jdbc.sql("""
                insert into competition_seat (sitting_id, person_id, user_id, room, seat, position)
                values (:s, :p, :u, :r, :n, (select count(*) from competition_seat where sitting_id = :s))""")
                .param("s", sittingId).param("p", personId).param("u", userId).param("r", room).param("n", seat).update();
    }

    /** Every seat of the stage's sittings. */
    List<SeatRow> seats(long stageId) {
        return jdbc.sql("""
                select s.sitting_id, s.person_id, s.user_id, s.room, s.seat from competition_seat s
                join competition_sitting t on t.id = s.sitting_id where t.stage_id = :st order by s.sitting_id, s.seat""")
                .param("st", stageId).query((rs, n) -> new SeatRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, Integer.class))).list();
    }

    /** The seats of one sitting in the order they were given. */
    List<SeatRow> seatsOf(long sittingId) {
        return jdbc.sql("select sitting_id, person_id, user_id, room, seat from competition_seat where sitting_id = :s order by position, person_id")
                .param("s", sittingId).query((rs, n) -> new SeatRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, Integer.class))).list();
    }

    List<Long> stageTeams(long stageId) {
        return jdbc.sql("select team_id from competition_stage_team where stage_id = :s order by team_id")
                .param("s", stageId).query(Long.class).list();
    }

    void replaceStageTeams(long stageId, List<Long> teamIds) {
        jdbc.sql("delete from competition_finalist where stage_id = :s and team_id not in (:t)")
                .param("s", stageId).param("t", teamIds.isEmpty() ? List.of(-1L) : teamIds).update();
        jdbc.sql("delete from competition_stage_team where stage_id = :s").param("s", stageId).update();
        for (long teamId : teamIds) {
            jdbc.sql("insert into competition_stage_team (stage_id, team_id) values (:s, :t)").param("s", stageId).param("t", teamId).update();
        }
    }

    /** team id → its finalists in this stage, in the order named. */
    Map<Long, List<Long>> finalists(long stageId) {
        return jdbc.sql("select team_id, person_id from competition_finalist where stage_id = :s order by team_id, position")
                .param("s", stageId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, java.util.LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    void replaceFinalists(long stageId, long teamId, List<Long> personIds) {
        jdbc.sql("delete from competition_finalist where stage_id = :s and team_id = :t").param("s", stageId).param("t", teamId).update();
        for (int i = 0; i < personIds.size(); i++) {
            jdbc.sql("insert into competition_finalist (stage_id, team_id, person_id, position) values (:s, :t, :p, :i)")
                    .param("s", stageId).param("t", teamId).param("p", personIds.get(i)).param("i", i).update();
        }
    }

    /** A team's score in a stage scored by hand or by its live final; {@code playoff}: its tiebreak round's points. */
    record TeamScore(BigDecimal score, @Nullable BigDecimal playoff) {}

    void saveTeamScore(long stageId, long teamId, TeamScore score, @Nullable String note, @Nullable String by, Instant now) {
        jdbc.sql("delete from competition_team_score where stage_id = :s and team_id = :t").param("s", stageId).param("t", teamId).update();
        jdbc.sql("""
                insert into competition_team_score (stage_id, team_id, score, tiebreak, note, entered_by, entered_at)
                values (:s, :t, :score, :tiebreak, :note, :by, :now)""")
                .param("s", stageId).param("t", teamId).param("score", score.score()).param("tiebreak", score.playoff())
                .param("note", note).param("by", by).param("now", utc(now)).update();
    }

    Map<Long, TeamScore> teamScores(long stageId) {
        return jdbc.sql("select team_id, score, tiebreak from competition_team_score where stage_id = :s")
                .param("s", stageId).query((rs, n) -> Map.entry(rs.getLong(1), new TeamScore(rs.getBigDecimal(2), rs.getBigDecimal(3))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static CompetitionRow competition(ResultSet rs, int n) throws SQLException {
        return new CompetitionRow(rs.getLong("id"), rs.getString("template_code"), rs.getString("template_source"), rs.getString("name"),
                rs.getLong("org_unit_id"), rs.getObject("registration_deadline", OffsetDateTime.class).toInstant());
    }

    private static StageRow stage(ResultSet rs, int n) throws SQLException {
        return new StageRow(rs.getLong("id"), rs.getLong("competition_id"), rs.getString("code"), StageKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getInt("position"));
    }

    private static TeamRow team(ResultSet rs, int n) throws SQLException {
        return new TeamRow(rs.getLong("id"), rs.getLong("competition_id"), rs.getLong("org_unit_id"), rs.getString("contact_name"),
                rs.getString("contact_phone"), TeamStatus.valueOf(rs.getString("status")), rs.getString("status_reason"));
    }
}
