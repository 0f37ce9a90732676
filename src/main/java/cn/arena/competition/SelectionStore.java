package cn.arena.competition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of competitions whose contestants enter one by one (V12__jiangsu_selection.sql), in plain SQL. */
@Repository
class SelectionStore {

    record ContestantRow(long personId, String lookupKey, long personUnitId, long fieldUnitId, Field.Level fieldLevel) {}

    enum Role { TEAM, INDIVIDUAL, PROVINCE }

    record SelectionRow(long personId, @Nullable Long cityUnitId, @Nullable Long countyUnitId, @Nullable BigDecimal teamScore,
            Role role, boolean skipped, int position) {}

    record JudgeScore(long personId, long judgeUserId, BigDecimal points) {}

    record MemberRow(long personId, boolean alternate) {}

    record Publication(Instant publishedAt, String publishedBy, @Nullable String reason) {}

    enum AwardKind { INDIVIDUAL, TEAM, ORGANISATION }

    /** One published award: to a person ({@code personId}, {@code name}) or to a unit ({@code orgUnitId}). */
    record PublishedAward(AwardKind kind, String award, String awardName, int rank, @Nullable Long personId, @Nullable Long orgUnitId,
            @Nullable String name, String unitName, BigDecimal score) {}

    private final JdbcClient jdbc;

    SelectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    void insertContestant(long competitionId, ContestantRow c, String by, Instant now) {
        jdbc.sql("""
                insert into competition_contestant (competition_id, person_id, lookup_key, person_unit_id, field_unit_id, field_level,
                    entered_by, entered_at) values (:c, :p, :k, :u, :f, :l, :by, :now)""")
                .param("c", competitionId).param("p", c.personId()).param("k", c.lookupKey()).param("u", c.personUnitId())
                .param("f", c.fieldUnitId()).param("l", c.fieldLevel().name()).param("by", by).param("now", utc(now)).update();
    }

    boolean deleteContestant(long competitionId, long personId) {
        return jdbc.sql("delete from competition_contestant where competition_id = :c and person_id = :p")
                .param("c", competitionId).param("p", personId).update() > 0;
    }

    boolean isEntered(long competitionId, String lookupKey) {
        return jdbc.sql("select count(*) from competition_contestant where competition_id = :c and lookup_key = :k")
                .param("c", competitionId).param("k", lookupKey).query(Integer.class).single() > 0;
    }

    List<ContestantRow> contestants(long competitionId) {
        return jdbc.sql("""
                select person_id, lookup_key, person_unit_id, field_unit_id, field_level from competition_contestant
                where competition_id = :c order by field_unit_id, person_id""")
                .param("c", competitionId).query((rs, n) -> new ContestantRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        Field.Level.valueOf(rs.getString(5)))).list();
    }

    Optional<Instant> entriesClosedAt(long competitionId) {
        return jdbc.sql("select entries_closed_at from competition where id = :c").param("c", competitionId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .single();
    }

    void closeEntries(long competitionId, Instant now) {
        jdbc.sql("update competition set entries_closed_at = :now where id = :c").param("c", competitionId).param("now", utc(now)).update();
    }

    void replaceSelection(long stageId, List<SelectionRow> rows) {
        jdbc.sql("delete from competition_selection where stage_id = :s").param("s", stageId).update();
        for (SelectionRow r : rows) {
            jdbc.sql("""
                    insert into competition_selection (stage_id, person_id, city_unit_id, county_unit_id, team_score, role, skipped, position)
                    values (:s, :p, :city, :county, :score, :role, :skipped, :pos)""")
                    .param("s", stageId).param("p", r.personId()).param("city", r.cityUnitId()).param("county", r.countyUnitId())
                    .param("score", r.teamScore()).param("role", r.role().name()).param("skipped", r.skipped()).param("pos", r.position())
                    .update();
        }
    }

    List<SelectionRow> selection(long stageId) {
        return jdbc.sql("""
                select person_id, city_unit_id, county_unit_id, team_score, role, skipped, position from competition_selection
                where stage_id = :s order by position""")
                .param("s", stageId).query((rs, n) -> new SelectionRow(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class),
                        rs.getBigDecimal(4), Role.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getInt(7))).list();
    }

    void saveJudgeScore(long stageId, long personId, long judgeUserId, BigDecimal points, Instant now) {
        jdbc.sql("delete from competition_interview_score where stage_id = :s and person_id = :p and judge_user_id = :j")
                .param("s", stageId).param("p", personId).param("j", judgeUserId).update();
        jdbc.sql("""
                insert into competition_interview_score (stage_id, person_id, judge_user_id, points, entered_at)
                values (:s, :p, :j, :points, :now)""")
                .param("s", stageId).param("p", personId).param("j", judgeUserId).param("points", points).param("now", utc(now)).update();
    }

    Optional<BigDecimal> judgeScore(long stageId, long personId, long judgeUserId) {
        return jdbc.sql("select points from competition_interview_score where stage_id = :s and person_id = :p and judge_user_id = :j")
                .param("s", stageId).param("p", personId).param("j", judgeUserId).query(BigDecimal.class).optional();
    }

    List<JudgeScore> judgeScores(long stageId) {
        return jdbc.sql("select person_id, judge_user_id, points from competition_interview_score where stage_id = :s")
                .param("s", stageId).query((rs, n) -> new JudgeScore(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3))).list();
    }

    Optional<Instant> panelClosedAt(long stageId) {
        return jdbc.sql("select panel_closed_at from competition_stage where id = :s").param("s", stageId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant)).single();
    }

    void closePanel(long stageId, Instant now) {
        jdbc.sql("update competition_stage set panel_closed_at = :now where id = :s").param("s", stageId).param("now", utc(now)).update();
    }

    void replaceMembers(long stageId, List<MemberRow> members) {
        jdbc.sql("delete from competition_stage_member where stage_id = :s").param("s", stageId).update();
        for (int i = 0; i < members.size(); i++) {
            jdbc.sql("insert into competition_stage_member (stage_id, person_id, alternate, position) values (:s, :p, :a, :i)")
                    .param("s", stageId).param("p", members.get(i).personId()).param("a", members.get(i).alternate()).param("i", i).update();
        }
    }

    List<MemberRow> members(long stageId) {
        return jdbc.sql("select person_id, alternate from competition_stage_member where stage_id = :s order by position")
                .param("s", stageId).query((rs, n) -> new MemberRow(rs.getLong(1), rs.getBoolean(2))).list();
    }

    Optional<Publication> publication(long competitionId) {
        return jdbc.sql("select published_at, published_by, reason from competition_award_publication where competition_id = :c")
                .param("c", competitionId).query((rs, n) -> new Publication(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                        rs.getString(3))).optional();
    }

    /** Replaces the competition's published awards (and their publication) with these, in order. */
    void publishAwards(long competitionId, Publication publication, List<PublishedAward> awards) {
        jdbc.sql("delete from competition_published_award where competition_id = :c").param("c", competitionId).update();
        jdbc.sql("delete from competition_award_publication where competition_id = :c").param("c", competitionId).update();
        jdbc.sql("insert into competition_award_publication (competition_id, published_at, published_by, reason) values (:c, :at, :by, :r)")
                .param("c", competitionId).param("at", utc(publication.publishedAt())).param("by", publication.publishedBy())
                .param("r", publication.reason()).update();
        for (int i = 0; i < awards.size(); i++) {
            PublishedAward a = awards.get(i);
            jdbc.sql("""
                    insert into competition_published_award (competition_id, kind, position, award, award_name, award_rank, person_id,
                        org_unit_id, name, unit_name, score) values (:c, :kind, :pos, :award, :awardName, :rank, :person, :unit, :name, :unitName, :score)""")
                    .param("c", competitionId).param("kind", a.kind().name()).param("pos", i).param("award", a.award())
                    .param("awardName", a.awardName()).param("rank", a.rank()).param("person", a.personId()).param("unit", a.orgUnitId())
                    .param("name", a.name()).param("unitName", a.unitName()).param("score", a.score()).update();
        }
    }

    List<PublishedAward> publishedAwards(long competitionId) {
        return jdbc.sql("""
                select kind, award, award_name, award_rank, person_id, org_unit_id, name, unit_name, score from competition_published_award
                where competition_id = :c order by position""")
                .param("c", competitionId).query((rs, n) -> new PublishedAward(AwardKind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getInt(4), rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getString(7),
                        rs.getString(8), rs.getBigDecimal(9))).list();
    }
}
