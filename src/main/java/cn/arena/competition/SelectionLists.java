package cn.arena.competition;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.org.OrgTree;
import cn.arena.org.People;
import cn.arena.shared.Messages;
import cn.arena.shared.Spreadsheet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The lists of a province's selection a person prints or passes on, each with the columns its page shows (the page
 * takes its header from here, so page and export cannot drift apart): the contestants and the fields, the selection
 * per city with who was skipped and who came in, the composite with its three parts, and the regional and national teams.
 */
@Service
class SelectionLists {

    /** One printable list: a sheet name, the page's columns, and its rows in the page's order. */
    record Listing(String sheet, List<String> columns, List<List<Object>> rows) {}

    /** A row of a city's selection as the page shows it: how the person is in (team, individual, came in) or skipped, and why. */
    record Selected(long personId, String name, String field, String how, String why, boolean cameIn, boolean skipped) {}

    record CitySelection(long orgUnitId, String name, List<Selected> rows) {}

    /** A member of a named regional or national team. */
    record Member(long personId, String name, @Nullable String cityName, @Nullable String countyName, @Nullable Object composite,
            boolean alternate) {}

    private final Contestants contestants;
    private final ProvincialSelection selection;
    private final CompositeStandings standings;
    private final SelectionStore store;
    private final Competitions competitions;
    private final Stages stages;
    private final People people;
    private final OrgTree tree;
    private final Messages messages;
    private final AuditLog audit;

    SelectionLists(Contestants contestants, ProvincialSelection selection, CompositeStandings standings, SelectionStore store,
            Competitions competitions, Stages stages, People people, OrgTree tree, Messages messages, AuditLog audit) {
        this.tree = tree;
        this.contestants = contestants;
        this.selection = selection;
        this.standings = standings;
        this.store = store;
        this.competitions = competitions;
        this.stages = stages;
        this.people = people;
        this.messages = messages;
        this.audit = audit;
    }

    Listing contestants(CurrentUser actor, long competitionId) {
        List<List<Object>> rows = contestants.list(actor, competitionId, null).stream()
                .map(p -> List.<Object>of(p.name(), p.idNumber(), p.field().name())).toList();
        return new Listing(m("selection.xlsx.contestants"), List.of(m("competition.form.name"), m("competition.form.idNumber"),
                m("selection.page.field")), rows);
    }

    Listing fields(CurrentUser actor, long competitionId) {
        List<List<Object>> rows = contestants.fieldCounts(actor, competitionId).stream().map(f -> List.<Object>of(f.field().name(),
                m("selection.level." + f.field().level()), messages.get("selection.page.countOf", f.count(), f.minimum()))).toList();
        return new Listing(m("selection.page.fields"), List.of(m("selection.page.field"), m("selection.page.level"),
                m("selection.page.contestantCount")), rows);
    }

    List<String> selectionColumns() {
        return List.of(m("competition.form.name"), m("selection.page.field"), m("selection.page.how"), m("selection.page.why"));
    }

    /** Each city's selection in the caller's scope (teams, then individuals, then the skipped), and the province level last. */
    List<CitySelection> selection(CurrentUser actor, long stageId) {
        Stages.StageOf s = stages.visible(actor, stageId);
        ProvincialSelection.Selection chosen = selection.selection(actor, stageId);
        Map<Long, String> fieldOf = new HashMap<>();
        store.contestants(s.competition().id()).forEach(r -> fieldOf.put(r.personId(), unitName(r.fieldUnitId())));
        List<CitySelection> out = new ArrayList<>();
        for (ProvincialSelection.City city : chosen.cities()) {
            List<Selected> rows = new ArrayList<>();
            for (ProvincialSelection.Team t : city.teams()) {
                t.members().forEach(p -> rows.add(new Selected(p, name(p), fieldOf.get(p), m("selection.page.how.team"),
                        messages.get("selection.page.why.team", t.name(), t.score()), false, false)));
            }
            int cameInFrom = city.individuals().size() - city.skipped().size();
            for (int i = 0; i < city.individuals().size(); i++) {
                long p = city.individuals().get(i);
                boolean cameIn = i >= cameInFrom;
                rows.add(new Selected(p, name(p), fieldOf.get(p), m(cameIn ? "selection.page.how.cameIn" : "selection.page.how.individual"),
                        cameIn ? m("selection.page.why.cameIn") : "", cameIn, false));
            }
            city.skipped().forEach(p -> rows.add(new Selected(p, name(p), fieldOf.get(p), m("selection.page.how.skipped"),
                    m("selection.page.why.skipped"), false, true)));
            out.add(new CitySelection(city.orgUnitId(), city.name(), rows));
        }
        if (!chosen.province().isEmpty()) {
            out.add(new CitySelection(s.competition().orgUnitId(), m("selection.level.PROVINCE"), chosen.province().stream()
                    .map(p -> new Selected(p, name(p), fieldOf.get(p), m("selection.page.how.individual"), "", false, false)).toList()));
        }
        return out;
    }

    byte[] selectionXlsx(CurrentUser actor, long stageId) {
        List<Listing> sheets = selection(actor, stageId).stream().map(city -> new Listing(city.name(), selectionColumns(), city.rows().stream()
                .map(r -> List.<Object>of(r.name(), r.field(), r.how(), r.why())).toList())).toList();
        // nothing selected in the caller's cities yet: one sheet with the columns, as the page says so
        return xlsx(sheets.isEmpty() ? List.of(new Listing(m("selection.page.selection"), selectionColumns(), List.of())) : sheets,
                "SELECTION_EXPORTED", "stage:" + stageId);
    }

    List<String> compositeColumns() {
        return List.of(m("competition.page.rank"), m("competition.form.name"), m("selection.page.city"), m("selection.page.county"),
                m("selection.page.part.city"), m("selection.page.part.provinceWritten"), m("selection.page.part.interview"), m("selection.page.composite"));
    }

    List<String> countyColumns() {
        return List.of(m("competition.page.rank"), m("selection.page.county"), m("selection.page.sumOfFour"));
    }

    List<String> cityColumns() {
        return List.of(m("competition.page.rank"), m("selection.page.city"), m("selection.page.sumOfThirteen"));
    }

    List<String> teamColumns() {
        return List.of(m("competition.form.name"), m("selection.page.city"), m("selection.page.county"), m("selection.page.composite"),
                m("selection.page.role"));
    }

    byte[] compositeXlsx(CurrentUser actor, long competitionId) {
        CompositeStandings.Composite composite = standings.composite(actor, competitionId);
        String pending = m("selection.page.pending");
        List<List<Object>> individuals = composite.individuals().stream().map(i -> cells(i.rank(), i.name(),
                Objects.requireNonNullElse(i.cityName(), m("selection.level.PROVINCE")), i.countyName(), i.parts().city(),
                i.parts().provinceWritten(), or(i.parts().interview(), pending), or(i.composite(), pending))).toList();
        return xlsx(List.of(new Listing(m("selection.xlsx.individual"), compositeColumns(), individuals),
                new Listing(m("selection.xlsx.team"), countyColumns(), units(composite.counties(), pending)),
                new Listing(m("selection.xlsx.organisation"), cityColumns(), units(composite.cities(), pending))),
                "COMPOSITE_EXPORTED", "competition:" + competitionId);
    }

    /** The members of the regional or national team named so far, in order, as the caller may see them. */
    List<Member> team(CurrentUser actor, long stageId) {
        Stages.StageOf s = stages.visible(actor, stageId);
        Map<Long, CompositeStandings.Individual> byPerson = new HashMap<>();
        standings.composite(actor, s.competition().id()).individuals().forEach(i -> byPerson.put(i.personId(), i));
        return store.members(stageId).stream().filter(m -> byPerson.containsKey(m.personId())).map(m -> {
            CompositeStandings.Individual i = byPerson.get(m.personId());
            return new Member(m.personId(), i.name(), i.cityName(), i.countyName(), i.composite(), m.alternate());
        }).toList();
    }

    byte[] teamXlsx(CurrentUser actor, long stageId) {
        String name = stages.visible(actor, stageId).stage().name();
        List<List<Object>> rows = team(actor, stageId).stream().map(t -> cells(t.name(),
                Objects.requireNonNullElse(t.cityName(), m("selection.level.PROVINCE")), t.countyName(), t.composite(),
                t.alternate() ? m("selection.page.alternate") : m("selection.page.member"))).toList();
        return xlsx(List.of(new Listing(name, teamColumns(), rows)), "TEAM_EXPORTED", "stage:" + stageId);
    }

    byte[] contestantsXlsx(CurrentUser actor, long competitionId) {
        competitions.get(actor, competitionId);
        return xlsx(List.of(contestants(actor, competitionId), fields(actor, competitionId)), "CONTESTANTS_EXPORTED",
                "competition:" + competitionId);
    }

    private byte[] xlsx(List<Listing> sheets, String auditAction, String target) {
        try (var writer = new Spreadsheet.Writer()) {
            for (Listing sheet : sheets) {
                writer.sheet(sheet.sheet(), sheet.columns());
                sheet.rows().forEach(writer::row);
            }
            audit.record(auditAction, target, null);
            return writer.toBytes();
        }
    }

    private static List<List<Object>> units(List<CompositeStandings.Unit> units, String pending) {
        return units.stream().map(u -> cells(u.rank(), u.name(), or(u.score(), pending))).toList();
    }

    private static Object or(@Nullable Object value, String otherwise) {
        return value == null ? otherwise : value;
    }

    /** A row whose missing cells (no rank, no county) show as the page's dash. */
    private static List<Object> cells(@Nullable Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object v : values) {
            row.add(v == null ? "—" : v);
        }
        return row;
    }

    private String name(long personId) {
        return people.find(personId).map(People.PersonView::name).orElse("");
    }

    private String unitName(long unitId) {
        return tree.find(unitId).map(OrgTree.OrgUnit::name).orElse("");
    }

    private String m(String key) {
        return messages.get(key);
    }
}
