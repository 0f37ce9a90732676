package cn.arena.competition;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Scopes;
import cn.arena.org.IdNumber;
import cn.arena.org.OrgTree;
import cn.arena.org.OrgUnitKind;
import cn.arena.org.People;
import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contestants entered one by one (个人自荐、组织推选) into a competition owned by a province, each in their field. An
 * organizer enters, sees and withdraws only the people of its own scope; the province's organizer closes the entries
 * once every field has its minimum.
 */
@Service
class Contestants {

    record FieldView(long orgUnitId, String name, Field.Level level) {}

    record ContestantView(long personId, String name, String idNumber, FieldView field) {}

    /** A field with how many contestants it has against the minimum. */
    record FieldCount(FieldView field, int count, int minimum) {}

    private final Competitions competitions;
    private final SelectionStore selection;
    private final CompetitionStore store;
    private final People people;
    private final OrgTree tree;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Clock clock;

    Contestants(Competitions competitions, SelectionStore selection, CompetitionStore store, People people, OrgTree tree, Scopes scopes,
            AuditLog audit, Clock clock) {
        this.competitions = competitions;
        this.selection = selection;
        this.store = store;
        this.people = people;
        this.tree = tree;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ContestantView enter(CurrentUser actor, long competitionId, @Nullable Long personId) {
        Competitions.Competition c = competitions.get(actor, competitionId);
        c.selection();
        People.PersonView person = (personId == null ? Optional.<People.PersonView>empty() : people.find(personId))
                .filter(p -> scopes.covers(actor, p.orgUnitId())).orElseThrow(Refusal::notFound);
        refuseAfterEntries(c);
        Field field = fieldOf(person.orgUnitId(), c.orgUnitId())
                .orElseThrow(() -> Refusal.invalid(Violation.rule("FIELD", null, "competition.contestant.outsideProvince", person.name())));
        String key = people.lookupKeyOf(person.id()).orElseThrow(Refusal::notFound);
        List<Violation> problems = new ArrayList<>();
        String excluded = store.exclusions(c.id(), List.of(key)).get(key);
        if (excluded != null) {
            problems.add(Violation.rule("EXCLUDED", null, "competition.contestant.excluded", person.name(), excluded));
        }
        if (selection.isEntered(c.id(), key)) {
            problems.add(Violation.rule("ALREADY_ENTERED", null, "competition.contestant.alreadyEntered", person.name()));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        selection.insertContestant(c.id(), new SelectionStore.ContestantRow(person.id(), key, person.orgUnitId(), field.orgUnitId(),
                field.level()), actor.username(), clock.instant());
        audit.record("CONTESTANT_ENTERED", "competition:" + c.id(), "person=" + person.id() + " field=" + field.orgUnitId());
        return view(person, field);
    }

    @Transactional
    void withdraw(CurrentUser actor, long competitionId, long personId) {
        Competitions.Competition c = competitions.get(actor, competitionId);
        c.selection();
        SelectionStore.ContestantRow row = selection.contestants(c.id()).stream()
                .filter(r -> r.personId() == personId && scopes.covers(actor, r.personUnitId())).findFirst().orElseThrow(Refusal::notFound);
        refuseAfterEntries(c);
        selection.deleteContestant(c.id(), row.personId());
        audit.record("CONTESTANT_WITHDRAWN", "competition:" + c.id(), "person=" + personId);
    }

    /** The contestants in the caller's scope, or of {@code orgUnitId}'s subtree (404 outside the caller's scope). */
    List<ContestantView> list(CurrentUser actor, long competitionId, @Nullable Long orgUnitId) {
        Competitions.Competition c = competitions.get(actor, competitionId);
        c.selection();
        if (orgUnitId != null) {
            tree.get(actor, orgUnitId);
        }
        List<ContestantView> out = new ArrayList<>();
        for (SelectionStore.ContestantRow r : inScope(actor, c)) {
            if (orgUnitId == null || tree.isWithin(r.personUnitId(), orgUnitId)) {
                people.find(r.personId()).ifPresent(p -> out.add(new ContestantView(p.id(), p.name(), p.maskedIdNumber(), field(r))));
            }
        }
        return out;
    }

    /** Every field of the province (or, for a city's organizer, of its city) with its count against the minimum. */
    List<FieldCount> fieldCounts(CurrentUser actor, long competitionId) {
        Competitions.Competition c = competitions.get(actor, competitionId);
        int minimum = c.selection().entry().fieldMinimum();
        Map<Long, Integer> counts = counts(c);
        return fields(c).stream().filter(f -> scopes.covers(actor, f.orgUnitId()))
                .map(f -> new FieldCount(new FieldView(f.orgUnitId(), f.name(), f.level()), counts.getOrDefault(f.orgUnitId(), 0), minimum))
                .toList();
    }

    /** Closes the entries when every field has its minimum; otherwise 422 with one FIELD_MINIMUM per short field. */
    @Transactional
    void closeEntries(CurrentUser actor, long competitionId) {
        Competitions.Competition c = competitions.manage(actor, competitionId);
        List<FieldMinimum.Short> shortFields = c.selection().entry().rule().shortFields(fields(c), counts(c));
        if (!shortFields.isEmpty()) {
            int minimum = c.selection().entry().fieldMinimum();
            throw Refusal.invalid(shortFields.stream().map(s -> switch (s.field().level()) {
                case COUNTY -> Violation.rule("FIELD_MINIMUM", null, "competition.entries.fieldMinimum.county", s.field().name(), s.count(), minimum);
                case CITY -> Violation.rule("FIELD_MINIMUM", null, "competition.entries.fieldMinimum.city", s.field().name(), s.count(), minimum);
                case PROVINCE -> Violation.rule("FIELD_MINIMUM", null, "competition.entries.fieldMinimum.province", s.field().name(), s.count(),
                        minimum);
            }).toList());
        }
        if (selection.entriesClosedAt(c.id()).isEmpty()) {
            selection.closeEntries(c.id(), clock.instant());
            audit.record("ENTRIES_CLOSED", "competition:" + c.id(), "contestants=" + selection.contestants(c.id()).size());
        }
    }

    boolean entriesClosed(long competitionId) {
        return selection.entriesClosedAt(competitionId).isPresent();
    }

    /**
     * The ineligibility list from a sheet with 姓名, 身份证号, 原因 (seed 003: 2019 contestants and alternates): all rows
     * or none, each problem on its row and column; people already on the list are left as they are.
     */
    @Transactional
    int importExclusions(CurrentUser actor, long competitionId, Spreadsheet.Sheet1 sheet) {
        Competitions.Competition c = competitions.manage(actor, competitionId);
        Spreadsheet.Header header = sheet.findHeader(List.of(List.of("姓名", "name"), List.of("身份证号", "idNumber"), List.of("原因", "reason")))
                .filter(h -> h.has("姓名") && h.has("身份证号") && h.has("原因"))
                .orElseThrow(() -> Refusal.invalid(Violation.field("file", "competition.exclusions.header")));
        record Row(String key, String masked, String name, String reason) {}
        List<Row> rows = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Spreadsheet.Line line : sheet.lines()) {
            if (line.row() <= header.row() || line.isBlank()) {
                continue;
            }
            String name = header.get(line, "姓名");
            String id = header.get(line, "身份证号").toUpperCase();
            String reason = header.get(line, "原因");
            if (name.isBlank()) {
                problems.add(Violation.cell(line.row(), "姓名", "competition.exclusions.name.required"));
            }
            if (reason.isBlank()) {
                problems.add(Violation.cell(line.row(), "原因", "competition.exclusions.reason.required"));
            }
            Optional<String> idProblem = IdNumber.problem(id);
            if (idProblem.isPresent()) {
                problems.add(Violation.cell(line.row(), "身份证号", idProblem.get()));
                continue;
            }
            String key = people.lookupKey(id);
            Integer earlier = seen.putIfAbsent(key, line.row());
            if (earlier != null) {
                problems.add(Violation.cell(line.row(), "身份证号", "competition.exclusions.duplicate", earlier));
            }
            rows.add(new Row(key, IdNumber.parse(id).masked(), name, reason));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        Set<String> listed = new HashSet<>(store.exclusions(c.id(), rows.stream().map(Row::key).toList()).keySet());
        int imported = 0;
        for (Row r : rows) {
            if (listed.add(r.key())) {
                store.insertExclusion(c.id(), r.key(), r.masked(), r.name() + "：" + r.reason(), clock.instant());
                imported++;
            }
        }
        audit.record("COMPETITION_EXCLUSIONS_IMPORTED", "competition:" + c.id(), "imported=" + imported);
        return imported;
    }

    /** The fields of the province: each city's counties, each city level, and the province level last. */
    List<Field> fields(Competitions.Competition c) {
        OrgTree.OrgUnit province = tree.find(c.orgUnitId()).orElseThrow();
        List<Field> fields = new ArrayList<>();
        for (OrgTree.OrgUnit city : children(province.id(), OrgUnitKind.CITY)) {
            fields.add(new Field(city.id(), city.name(), Field.Level.CITY));
            children(city.id(), OrgUnitKind.COUNTY).forEach(county -> fields.add(new Field(county.id(), county.name(), Field.Level.COUNTY)));
        }
        fields.add(new Field(province.id(), province.name(), Field.Level.PROVINCE));
        return fields;
    }

    List<OrgTree.OrgUnit> children(long unitId, OrgUnitKind kind) {
        return tree.subtree(unitId).stream().filter(u -> u.parentId() != null && u.parentId() == unitId && u.kind() == kind).toList();
    }

    /** The contestants whose people lie in the caller's scope. */
    List<SelectionStore.ContestantRow> inScope(CurrentUser actor, Competitions.Competition c) {
        return selection.contestants(c.id()).stream().filter(r -> scopes.covers(actor, r.personUnitId())).toList();
    }

    Optional<Field> fieldOf(long personUnitId, long provinceId) {
        List<OrgTree.OrgUnit> chain = tree.ancestorsOf(personUnitId).stream().map(id -> tree.find(id).orElseThrow()).toList();
        return Field.of(chain, provinceId);
    }

    FieldView field(SelectionStore.ContestantRow r) {
        return new FieldView(r.fieldUnitId(), tree.find(r.fieldUnitId()).map(OrgTree.OrgUnit::name).orElse(""), r.fieldLevel());
    }

    private Map<Long, Integer> counts(Competitions.Competition c) {
        return selection.contestants(c.id()).stream().collect(Collectors.groupingBy(SelectionStore.ContestantRow::fieldUnitId,
                Collectors.summingInt(r -> 1)));
    }

    private void refuseAfterEntries(Competitions.Competition c) {
        if (!clock.instant().isBefore(c.registrationDeadline())) {
            throw Refusal.conflict("competition.contestant.deadlinePassed");
        }
        if (entriesClosed(c.id())) {
            throw Refusal.conflict("competition.contestant.entriesClosed");
        }
    }

    private static ContestantView view(People.PersonView p, Field f) {
        return new ContestantView(p.id(), p.name(), p.maskedIdNumber(), new FieldView(f.orgUnitId(), f.name(), f.level()));
    }
}
