package cn.arena.competition;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Scopes;
import cn.arena.org.OrgTree;
import cn.arena.org.People;
import cn.arena.shared.Ranking;
import cn.arena.shared.Refusal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The composite standings of a province's selection (综合成绩): every selected contestant's weighted city written,
 * provincial written and interview parts; the selected county teams by the sum of their four; the cities by the sum of
 * their thirteen; the awards their ranks reach (published by {@link SelectionAwards}); and the regional and national
 * teams formed from them.
 */
@Service
class CompositeStandings {

    record Parts(@Nullable BigDecimal city, @Nullable BigDecimal provinceWritten, @Nullable BigDecimal interview) {}

    record Individual(@Nullable Integer rank, long personId, String name, @Nullable String cityName, @Nullable String countyName,
            @Nullable BigDecimal composite, Parts parts) {}

    record Unit(@Nullable Integer rank, long orgUnitId, String name, @Nullable BigDecimal score) {}

    record Composite(List<Individual> individuals, List<Unit> counties, List<Unit> cities) {}

    record IndividualAward(String award, String awardName, int rank, long personId, String name, String unitName, BigDecimal score) {}

    record UnitAward(String award, String awardName, int rank, long orgUnitId, String unitName, BigDecimal score) {}

    record Awards(List<IndividualAward> individual, List<UnitAward> team, List<UnitAward> organisations) {}

    record RegionalView(List<Long> members, long alternate) {}

    record NationalView(List<Long> members) {}

    private final Competitions competitions;
    private final Stages stages;
    private final InterviewScores interviews;
    private final SelectionStore selection;
    private final People people;
    private final OrgTree tree;
    private final Scopes scopes;
    private final AuditLog audit;

    CompositeStandings(Competitions competitions, Stages stages, InterviewScores interviews, SelectionStore selection, People people,
            OrgTree tree, Scopes scopes, AuditLog audit) {
        this.competitions = competitions;
        this.stages = stages;
        this.interviews = interviews;
        this.selection = selection;
        this.people = people;
        this.tree = tree;
        this.scopes = scopes;
        this.audit = audit;
    }

    /** The standings as the caller may see them: ranked across the province, listed for the caller's scope. */
    Composite composite(CurrentUser actor, long competitionId) {
        Competitions.Competition c = competitions.get(actor, competitionId);
        Composite all = composite(c);
        return new Composite(
                all.individuals().stream().filter(i -> people.find(i.personId()).map(p -> scopes.covers(actor, p.orgUnitId())).orElse(false)).toList(),
                all.counties().stream().filter(u -> scopes.covers(actor, u.orgUnitId())).toList(),
                all.cities().stream().filter(u -> scopes.covers(actor, u.orgUnitId())).toList());
    }

    Composite composite(Competitions.Competition c) {
        SelectionRules rules = c.selection();
        CompositeScore score = rules.composite().rule();
        Map<String, Map<Long, CompositeScore.Scored>> partScores = new LinkedHashMap<>();
        for (CompositeScore.Part part : score.parts()) {
            CompetitionStore.StageRow stage = c.stage(part.stage());
            partScores.put(part.stage(), stage.code().equals(rules.interview().stage()) ? interview(c) : written(stage));
        }
        List<SelectionStore.SelectionRow> selected = interviews.selected(c);
        record Scored(SelectionStore.SelectionRow row, @Nullable BigDecimal composite, List<@Nullable BigDecimal> percents) {}
        List<Scored> scored = new ArrayList<>();
        for (SelectionStore.SelectionRow r : selected) {
            Map<String, CompositeScore.Scored> mine = new HashMap<>();
            List<@Nullable BigDecimal> percents = new ArrayList<>();
            for (CompositeScore.Part part : score.parts()) {
                CompositeScore.Scored s = partScores.get(part.stage()).get(r.personId());
                if (s != null) {
                    mine.put(part.stage(), s);
                }
                percents.add(s == null ? null : score.percent(s));
            }
            scored.add(new Scored(r, score.of(mine).orElse(null), percents));
        }
        Map<Long, String> countyOf = countiesOfContestants(c);
        List<Individual> individuals = Ranking.rank(scored, Scored::composite, Ranking.noTieBreak()).stream().map(ranked -> {
            Scored s = ranked.entry();
            long person = s.row().personId();
            return new Individual(ranked.rank(), person, people.find(person).map(People.PersonView::name).orElse(""),
                    s.row().cityUnitId() == null ? null : unitName(s.row().cityUnitId()), countyOf.get(person), s.composite(),
                    new Parts(s.percents().get(0), s.percents().get(1), s.percents().get(2)));
        }).toList();
        Map<Long, BigDecimal> compositeOf = new HashMap<>();
        scored.stream().filter(s -> s.composite() != null).forEach(s -> compositeOf.put(s.row().personId(), s.composite()));
        Map<Long, List<Long>> teams = new LinkedHashMap<>();
        Map<Long, List<Long>> cities = new LinkedHashMap<>();
        for (SelectionStore.SelectionRow r : selected) {
            if (r.role() == SelectionStore.Role.TEAM) {
                teams.computeIfAbsent(r.countyUnitId(), k -> new ArrayList<>()).add(r.personId());
            }
            if (r.cityUnitId() != null) {
                cities.computeIfAbsent(r.cityUnitId(), k -> new ArrayList<>()).add(r.personId());
            }
        }
        return new Composite(individuals, units(teams, compositeOf), units(cities, compositeOf));
    }

    /** The awards the composite ranks reach across the province, as publishing would publish them. */
    Awards awards(Competitions.Competition c) {
        Composite standings = composite(c);
        SelectionRules.Awards rules = c.selection().awards();
        List<IndividualAward> individual = new ArrayList<>();
        AwardRanges titles = new AwardRanges(rules.individual());
        for (Individual i : standings.individuals()) {
            for (AwardRanges.Range r : titles.awards(i.rank())) {
                individual.add(new IndividualAward(r.code(), r.name(), i.rank(), i.personId(), i.name(),
                        i.countyName() != null ? i.countyName() : i.cityName() != null ? i.cityName() : unitName(c.orgUnitId()), i.composite()));
            }
        }
        return new Awards(individual, unitAwards(new AwardRanges(rules.team()), standings.counties()),
                unitAwards(new AwardRanges(rules.organisations()), standings.cities()));
    }

    /**
     * The regional team: the county team ranked first by composite (equal sums by the template's tie-break; a tie still
     * left, the team the province names), with one of its four named as the alternate.
     */
    @Transactional
    RegionalView regionalTeam(CurrentUser actor, long stageId, @Nullable Long team, @Nullable Long alternate) {
        Stages.StageOf s = stages.managed(actor, stageId);
        Competitions.Competition c = s.competition();
        SelectionRules.Regional rule = c.selection().regional();
        if (!s.stage().code().equals(rule.stage())) {
            throw Refusal.conflict("competition.team.wrongStage");
        }
        Composite standings = composite(c);
        if (standings.counties().stream().anyMatch(u -> u.score() == null)) {
            throw Refusal.conflict("competition.regional.noFirstTeam");
        }
        Map<Long, BigDecimal> compositeOf = new HashMap<>();
        standings.individuals().forEach(i -> compositeOf.put(i.personId(), i.composite()));
        Map<Long, List<Long>> membersOf = new LinkedHashMap<>();
        interviews.selected(c).stream().filter(r -> r.role() == SelectionStore.Role.TEAM)
                .forEach(r -> membersOf.computeIfAbsent(r.countyUnitId(), k -> new ArrayList<>()).add(r.personId()));
        List<RegionalTeam.Candidate> candidates = standings.counties().stream().map(u -> new RegionalTeam.Candidate(u.orgUnitId(), u.name(),
                u.score(), membersOf.get(u.orgUnitId()).stream().map(compositeOf::get).toList(), membersOf.get(u.orgUnitId()))).toList();
        RegionalTeam regional = RegionalTeam.of(candidates, rule.tieBreak(), team, alternate);
        selection.replaceMembers(stageId, regional.members().stream().map(p -> new SelectionStore.MemberRow(p, p == regional.alternate())).toList());
        audit.record("REGIONAL_TEAM_NAMED", "stage:" + stageId, "county=" + regional.countyId() + " members=" + regional.members()
                + " alternate=" + regional.alternate() + (team == null ? "" : " namedByProvince"));
        return new RegionalView(regional.members(), regional.alternate());
    }

    /** The national team: four of one city named by the province and the best composite not among them (递补). */
    @Transactional
    NationalView nationalTeam(CurrentUser actor, long stageId, @Nullable List<Long> cityMembers) {
        Stages.StageOf s = stages.managed(actor, stageId);
        Competitions.Competition c = s.competition();
        if (!s.stage().code().equals(c.selection().national().stage())) {
            throw Refusal.conflict("competition.team.wrongStage");
        }
        Composite standings = composite(c);
        if (standings.individuals().stream().anyMatch(i -> i.composite() == null)) {
            throw Refusal.conflict("competition.composite.incomplete");
        }
        Map<Long, Long> cityOf = new HashMap<>();
        interviews.selected(c).stream().filter(r -> r.cityUnitId() != null).forEach(r -> cityOf.put(r.personId(), r.cityUnitId()));
        List<Long> byComposite = standings.individuals().stream().map(Individual::personId).toList();
        NationalTeam.Outcome outcome = c.selection().national().rule().form(cityMembers == null ? List.of() : cityMembers, cityOf, byComposite);
        if (outcome instanceof NationalTeam.Refused refused) {
            throw Refusal.invalid(refused.problems());
        }
        List<Long> members = ((NationalTeam.Team) outcome).members();
        selection.replaceMembers(stageId, members.stream().map(p -> new SelectionStore.MemberRow(p, false)).toList());
        audit.record("NATIONAL_TEAM_NAMED", "stage:" + stageId, "members=" + members);
        return new NationalView(members);
    }

    /** person → written score out of the total points of the paper they sat. */
    private Map<Long, CompositeScore.Scored> written(CompetitionStore.StageRow stage) {
        Map<Long, BigDecimal> fullMarks = stages.fullMarks(stage);
        Map<Long, CompositeScore.Scored> scores = new HashMap<>();
        stages.releasedScores(stage).forEach((person, released) ->
                scores.put(person, new CompositeScore.Scored(released.score(), fullMarks.get(person))));
        return scores;
    }

    /** person → interview score out of the interview's maximum (the stage has no exam paper). */
    private Map<Long, CompositeScore.Scored> interview(Competitions.Competition c) {
        BigDecimal max = c.selection().interview().maxPoints();
        Map<Long, CompositeScore.Scored> scores = new HashMap<>();
        interviews.scores(c).forEach((person, points) -> scores.put(person, new CompositeScore.Scored(points, max)));
        return scores;
    }

    /** person → the county they compete for (county-level contestants only). */
    private Map<Long, String> countiesOfContestants(Competitions.Competition c) {
        Map<Long, String> out = new HashMap<>();
        selection.contestants(c.id()).stream().filter(r -> r.fieldLevel() == Field.Level.COUNTY)
                .forEach(r -> out.put(r.personId(), unitName(r.fieldUnitId())));
        return out;
    }

    /** Units scored by the sum of their members' composites (unknown while one is missing), ranked with shared ranks. */
    private List<Unit> units(Map<Long, List<Long>> membersByUnit, Map<Long, BigDecimal> compositeOf) {
        record Summed(long unitId, @Nullable BigDecimal score) {}
        List<Summed> summed = membersByUnit.entrySet().stream().map(e -> new Summed(e.getKey(),
                e.getValue().stream().allMatch(compositeOf::containsKey)
                        ? e.getValue().stream().map(compositeOf::get).reduce(BigDecimal.ZERO, BigDecimal::add) : null)).toList();
        return Ranking.rank(summed, Summed::score, Ranking.noTieBreak()).stream()
                .map(r -> new Unit(r.rank(), r.entry().unitId(), unitName(r.entry().unitId()), r.entry().score())).toList();
    }

    private static List<UnitAward> unitAwards(AwardRanges ranges, List<Unit> units) {
        List<UnitAward> out = new ArrayList<>();
        for (Unit u : units) {
            for (AwardRanges.Range r : ranges.awards(u.rank())) {
                out.add(new UnitAward(r.code(), r.name(), u.rank(), u.orgUnitId(), u.name(), u.score()));
            }
        }
        return out;
    }

    private String unitName(long unitId) {
        return tree.find(unitId).map(OrgTree.OrgUnit::name).orElse("");
    }
}
