package cn.arena.competition;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Scopes;
import cn.arena.exam.ExamDirectory;
import cn.arena.exam.ExamInfo;
import cn.arena.marking.ReleasedScore;
import cn.arena.org.OrgTree;
import cn.arena.org.OrgUnitKind;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city round of a province's selection and what follows from it: sittings of the province's one paper run by
 * each city for its own fields (and by the province for its own level), the selection of each city's county teams
 * and individuals with 递补, and the provincial written round sat by everyone selected.
 */
@Service
class ProvincialSelection {

    record Team(long orgUnitId, String name, BigDecimal score, List<Long> members) {}

    record City(long orgUnitId, String name, List<Team> teams, List<Long> individuals, List<Long> skipped) {}

    record Selection(List<City> cities, List<Long> province) {}

    private final Stages stages;
    private final Sittings sittings;
    private final Contestants contestants;
    private final SelectionStore selection;
    private final CompetitionStore store;
    private final ExamDirectory exams;
    private final OrgTree tree;
    private final Scopes scopes;
    private final AuditLog audit;

    ProvincialSelection(Stages stages, Sittings sittings, Contestants contestants, SelectionStore selection, CompetitionStore store,
            ExamDirectory exams, OrgTree tree, Scopes scopes, AuditLog audit) {
        this.stages = stages;
        this.sittings = sittings;
        this.contestants = contestants;
        this.selection = selection;
        this.store = store;
        this.exams = exams;
        this.tree = tree;
        this.scopes = scopes;
        this.audit = audit;
    }

    /** Whether the stage belongs to a competition whose contestants enter one by one (so its operations are these). */
    boolean handles(long stageId) {
        return store.stage(stageId).flatMap(s -> store.competition(s.competitionId()))
                .map(c -> CompetitionTemplate.parse(c.templateSource()).selection() != null).orElse(false);
    }

    /**
     * A sitting of the province's paper: in the city round, a city's organizer seats its city's fields (its city level
     * and counties) and the province's organizer the province level; in the provincial written round, everyone selected.
     */
    @Transactional
    Sittings.SittingCreated sitting(CurrentUser actor, long stageId, @Nullable Long examId, @Nullable Long orgUnitId) {
        Stages.StageOf s = stages.visible(actor, stageId);
        Competitions.Competition c = s.competition();
        SelectionRules.City rule = c.selection().city();
        boolean cityRound = s.stage().code().equals(rule.from());
        if (s.stage().kind() != StageKind.WRITTEN || !cityRound && !s.stage().code().equals(rule.to())) {
            throw Refusal.conflict("competition.sitting.notWritten");
        }
        if (!cityRound && !scopes.covers(actor, c.orgUnitId())) {
            throw Refusal.notFound();
        }
        if (cityRound && !contestants.entriesClosed(c.id())) {
            throw Refusal.conflict("competition.sitting.entriesOpen");
        }
        List<Violation> problems = new ArrayList<>();
        ExamInfo exam = examId == null ? null : exams.find(examId)
                .filter(e -> e.ownerUnitId() != null && e.ownerUnitId() == c.orgUnitId() || scopes.covers(actor, e.ownerUnitId()))
                .orElse(null);
        if (exam == null) {
            problems.add(Violation.field("examId", "competition.sitting.exam.unknown"));
        } else if (!exam.published()) {
            // as every sitting: a draft may still change its items and window under the seated candidates
            problems.add(Violation.field("examId", "competition.sitting.exam.draft", exam.title()));
        }
        List<SelectionStore.ContestantRow> seating = List.of();
        if (cityRound) {
            OrgTree.OrgUnit unit = orgUnitId == null ? null : tree.find(orgUnitId).filter(u -> scopes.covers(actor, u.id())).orElse(null);
            if (unit == null) {
                problems.add(Violation.field("orgUnitId", "competition.sitting.orgUnit.unknown"));
            } else if (unit.id() == c.orgUnitId()) {
                seating = contestants.inScope(actor, c).stream().filter(r -> r.fieldLevel() == Field.Level.PROVINCE).toList();
            } else if (unit.kind() == OrgUnitKind.CITY && unit.parentId() != null && unit.parentId() == c.orgUnitId()) {
                seating = contestants.inScope(actor, c).stream().filter(r -> r.fieldLevel() != Field.Level.PROVINCE
                        && tree.isWithin(r.fieldUnitId(), unit.id())).toList();
            } else {
                problems.add(Violation.field("orgUnitId", "competition.sitting.orgUnit.notAField"));
            }
        } else {
            Set<Long> selected = selection.selection(c.stage(rule.from()).id()).stream().map(SelectionStore.SelectionRow::personId)
                    .collect(Collectors.toSet());
            seating = selection.contestants(c.id()).stream().filter(r -> selected.contains(r.personId())).toList();
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        Set<Long> seated = store.seats(stageId).stream().map(CompetitionStore.SeatRow::personId).collect(Collectors.toSet());
        List<Long> candidates = new ArrayList<>();
        Map<Long, Long> unitOf = new HashMap<>();
        for (SelectionStore.ContestantRow r : seating) {
            if (!seated.contains(r.personId())) {
                candidates.add(r.personId());
                unitOf.put(r.personId(), r.personUnitId());
            }
        }
        return sittings.seat(stageId, exam.id(), cityRound ? "unit:" + orgUnitId : "selected", candidates, unitOf, List.of());
    }

    /** Selects each city's county teams and individuals and the province level's best; repeatable until the next round has scores. */
    @Transactional
    List<Long> advance(CurrentUser actor, long stageId) {
        Stages.StageOf s = stages.managed(actor, stageId);
        Competitions.Competition c = s.competition();
        SelectionRules.City rule = c.selection().city();
        if (!s.stage().code().equals(rule.from())) {
            throw Refusal.conflict("competition.advance.notFromHere");
        }
        if (stages.hasScores(c.stage(rule.to()))) {
            throw Refusal.conflict("competition.advance.nextStageScored");
        }
        Map<Long, ReleasedScore> released = stages.releasedScores(s.stage());
        Map<Long, List<CitySelection.Candidate>> byCity = new LinkedHashMap<>();
        contestants.children(c.orgUnitId(), OrgUnitKind.CITY).forEach(city -> byCity.put(city.id(), new ArrayList<>()));
        List<WrittenResult> provinceLevel = new ArrayList<>();
        for (SelectionStore.ContestantRow r : selection.contestants(c.id())) {
            WrittenResult result = result(r.personId(), released.get(r.personId()));
            switch (r.fieldLevel()) {
                case PROVINCE -> {
                    if (result != null) {
                        provinceLevel.add(result);
                    }
                }
                case CITY -> byCity.computeIfAbsent(r.fieldUnitId(), k -> new ArrayList<>())
                        .add(new CitySelection.Candidate(r.personId(), null, result));
                case COUNTY -> byCity.computeIfAbsent(tree.find(r.fieldUnitId()).orElseThrow().parentId(), k -> new ArrayList<>())
                        .add(new CitySelection.Candidate(r.personId(), r.fieldUnitId(), result));
            }
        }
        CitySelection cityRule = rule.rule();
        List<SelectionStore.SelectionRow> rows = new ArrayList<>();
        byCity.forEach((cityId, candidates) -> {
            CitySelection.Selected selected = cityRule.select(candidates);
            Set<Long> skipped = new HashSet<>(selected.skipped());
            for (CitySelection.CountyTeam t : selected.teams()) {
                t.members().forEach(p -> rows.add(new SelectionStore.SelectionRow(p, cityId, t.countyId(), t.score(),
                        SelectionStore.Role.TEAM, skipped.contains(p), rows.size())));
            }
            selected.individuals().forEach(p -> rows.add(new SelectionStore.SelectionRow(p, cityId, null, null,
                    SelectionStore.Role.INDIVIDUAL, false, rows.size())));
        });
        cityRule.best(provinceLevel, rule.provinceLevel()).forEach(p -> rows.add(new SelectionStore.SelectionRow(p, null, null, null,
                SelectionStore.Role.PROVINCE, false, rows.size())));
        selection.replaceSelection(stageId, rows);
        List<Long> advanced = rows.stream().map(SelectionStore.SelectionRow::personId).toList();
        audit.record("CONTESTANTS_SELECTED", "stage:" + stageId, "selected=" + advanced.size());
        return advanced;
    }

    /** The selection as the caller may see it: its own cities, and the province level for the province's organizer. */
    Selection selection(CurrentUser actor, long stageId) {
        Stages.StageOf s = stages.visible(actor, stageId);
        Competitions.Competition c = s.competition();
        if (!s.stage().code().equals(c.selection().city().from())) {
            throw Refusal.conflict("competition.advance.notFromHere");
        }
        List<SelectionStore.SelectionRow> rows = selection.selection(stageId);
        List<City> cities = new ArrayList<>();
        for (OrgTree.OrgUnit city : contestants.children(c.orgUnitId(), OrgUnitKind.CITY)) {
            if (!scopes.covers(actor, city.id())) {
                continue;
            }
            Map<Long, List<SelectionStore.SelectionRow>> teams = new LinkedHashMap<>();
            List<Long> individuals = new ArrayList<>();
            List<Long> skipped = new ArrayList<>();
            for (SelectionStore.SelectionRow r : rows) {
                if (r.cityUnitId() == null || r.cityUnitId() != city.id()) {
                    continue;
                }
                if (r.role() == SelectionStore.Role.TEAM) {
                    teams.computeIfAbsent(r.countyUnitId(), k -> new ArrayList<>()).add(r);
                } else {
                    individuals.add(r.personId());
                }
                if (r.skipped()) {
                    skipped.add(r.personId());
                }
            }
            List<Team> teamViews = teams.entrySet().stream().map(e -> new Team(e.getKey(), unitName(e.getKey()),
                    e.getValue().get(0).teamScore(), e.getValue().stream().map(SelectionStore.SelectionRow::personId).toList())).toList();
            cities.add(new City(city.id(), city.name(), teamViews, individuals, skipped));
        }
        List<Long> province = scopes.covers(actor, c.orgUnitId()) ? rows.stream().filter(r -> r.role() == SelectionStore.Role.PROVINCE)
                .map(SelectionStore.SelectionRow::personId).toList() : List.of();
        return new Selection(cities, province);
    }

    private String unitName(long unitId) {
        return tree.find(unitId).map(OrgTree.OrgUnit::name).orElse("");
    }

    private static @Nullable WrittenResult result(long personId, @Nullable ReleasedScore released) {
        return released == null ? null : new WrittenResult(personId, released.score(), released.timeUsed(), released.submittedAt());
    }
}
