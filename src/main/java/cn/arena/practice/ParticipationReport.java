package cn.arena.practice;

import cn.arena.account.CurrentUser;
import cn.arena.org.OrgTree;
import cn.arena.org.People;
import cn.arena.shared.Ranking;
import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Participation (全员覆盖) against seed 003's rule that every window worker trains at least once a year: per unit, its
 * staff roll (the org module's people of its subtree) and those of them whose account took part between two days
 * (studied a day, or submitted a weekly practice or a monthly contest). A person counts where they are on the roll
 * now, so a member who moved counts in their new unit; erased people are on no roll.
 */
@Service
class ParticipationReport {

    record UnitFigures(long orgUnitId, String name, long people, long participants, BigDecimal rate) {}

    record Report(long orgUnitId, String name, long people, long participants, BigDecimal rate, List<UnitFigures> units,
            LocalDate from, LocalDate to) {}

    record OrgRank(int rank, UnitFigures unit) {}

    private final PracticeStore store;
    private final Programmes programmes;
    private final OrgTree tree;
    private final People people;

    ParticipationReport(PracticeStore store, Programmes programmes, OrgTree tree, People people) {
        this.store = store;
        this.programmes = programmes;
        this.tree = tree;
        this.people = people;
    }

    Report report(CurrentUser user, long programmeId, @Nullable Long orgUnitId, @Nullable String from, @Nullable String to) {
        PracticeStore.ProgrammeRow p = programmes.visible(user, programmeId);
        long unit = programmes.unitFor(user, p, orgUnitId);
        Period year = Period.year(p.year());
        LocalDate first = date("from", from, year.first());
        LocalDate last = date("to", to, year.last());
        if (last.isBefore(first)) {
            throw Refusal.invalid(Violation.field("to", "practice.range.order"));
        }
        return report(p, unit, first, last);
    }

    /** The programme unit's children (the cities) by rate, then participants: the top 6 are the 岗位练兵优秀组织奖. */
    List<OrgRank> orgRanking(CurrentUser user, long programmeId, @Nullable Integer year) {
        PracticeStore.ProgrammeRow p = programmes.visible(user, programmeId);
        Period y = Period.year(year == null ? p.year() : year);
        List<UnitFigures> units = report(p, p.orgUnitId(), y.first(), y.last()).units();
        return Ranking.rank(units, UnitFigures::rate, Comparator.comparingLong(UnitFigures::participants).reversed()).stream()
                .map(r -> new OrgRank(java.util.Objects.requireNonNull(r.rank()), r.entry())).toList();
    }

    record Absent(String name, String unit) {}

    /** The people of a unit's subtree who did not take part between the two days: the list a unit chases. */
    List<Absent> neverPractised(CurrentUser user, long programmeId, @Nullable Long orgUnitId, @Nullable String from, @Nullable String to) {
        Report r = report(user, programmeId, orgUnitId, from, to);
        Map<Long, String> names = new HashMap<>();
        List<OrgTree.OrgUnit> subtree = tree.subtree(r.orgUnitId());
        subtree.forEach(u -> names.put(u.id(), u.name()));
        Set<Long> active = store.activeMembers(programmeId, r.from(), r.to());
        return people.roll(names.keySet()).stream().filter(p -> p.userId() == null || !active.contains(p.userId()))
                .map(p -> new Absent(p.name(), names.get(p.orgUnitId()))).toList();
    }

    byte[] absentWorkbook(List<Absent> absent) {
        try (Spreadsheet.Writer writer = new Spreadsheet.Writer()) {
            writer.sheet("未参与人员", List.of("姓名", "单位"));
            absent.forEach(a -> writer.row(List.of(a.name(), a.unit())));
            return writer.toBytes();
        }
    }

    byte[] workbook(Report r) {
        try (Spreadsheet.Writer writer = new Spreadsheet.Writer()) {
            writer.sheet("参与情况", List.of("单位", "在册人数", "参与人数", "参与率"));
            writer.row(List.of(r.name(), r.people(), r.participants(), r.rate()));
            r.units().forEach(u -> writer.row(List.of(u.name(), u.people(), u.participants(), u.rate())));
            return writer.toBytes();
        }
    }

    private Report report(PracticeStore.ProgrammeRow p, long unit, LocalDate from, LocalDate to) {
        List<OrgTree.OrgUnit> subtree = tree.subtree(unit);
        Map<Long, Long> parentOf = new HashMap<>();
        subtree.forEach(u -> parentOf.put(u.id(), u.parentId()));
        Set<Long> active = store.activeMembers(p.id(), from, to);
        Map<Long, long[]> byChild = new HashMap<>();
        long[] total = new long[2];
        for (People.RollEntry person : people.roll(subtree.stream().map(OrgTree.OrgUnit::id).toList())) {
            boolean took = person.userId() != null && active.contains(person.userId());
            total[0]++;
            total[1] += took ? 1 : 0;
            Long child = childOf(unit, person.orgUnitId(), parentOf);
            if (child != null) {
                long[] c = byChild.computeIfAbsent(child, k -> new long[2]);
                c[0]++;
                c[1] += took ? 1 : 0;
            }
        }
        List<UnitFigures> units = new ArrayList<>();
        for (OrgTree.OrgUnit u : subtree) {
            if (u.parentId() != null && u.parentId() == unit) {
                long[] c = byChild.getOrDefault(u.id(), new long[2]);
                units.add(new UnitFigures(u.id(), u.name(), c[0], c[1], new Participation(c[0], c[1]).rate()));
            }
        }
        return new Report(unit, subtree.get(0).name(), total[0], total[1], new Participation(total[0], total[1]).rate(), units, from, to);
    }

    /** The direct child of {@code root} whose subtree holds {@code unit}; null for the root's own staff. */
    private static @Nullable Long childOf(long root, long unit, Map<Long, Long> parentOf) {
        Long current = unit;
        while (current != null && current != root) {
            Long parent = parentOf.get(current);
            if (parent != null && parent == root) {
                return current;
            }
            current = parent;
        }
        return null;
    }

    private static LocalDate date(String field, @Nullable String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw Refusal.invalid(Violation.field(field, "practice.date.invalid", text));
        }
    }
}
