package cn.arena.competition;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Scopes;
import cn.arena.org.People;
import cn.arena.shared.Messages;
import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Violation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The awards of a province's selection and their publication. Until the province publishes them, the awards are
 * worked out from the composite as it stands (a preview); publishing stores exactly what the preview showed, and from
 * then on the awards endpoint, page and export give the stored awards, whatever scores change later. Publishing again
 * needs a reason, and both the publication and the reason are audited.
 */
@Service
class SelectionAwards {

    /**
     * What publishing would publish now ({@code awards}, province-wide), a fingerprint of it the confirmation carries
     * back, the publication in force if any, and how many composites are still missing (publishing waits for them).
     */
    record Preview(CompositeStandings.Awards awards, String fingerprint, SelectionStore.@Nullable Publication published, long missing) {}

    private final Competitions competitions;
    private final CompositeStandings standings;
    private final SelectionStore store;
    private final People people;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Messages messages;
    private final Clock clock;

    SelectionAwards(Competitions competitions, CompositeStandings standings, SelectionStore store, People people, Scopes scopes,
            AuditLog audit, Messages messages, Clock clock) {
        this.competitions = competitions;
        this.standings = standings;
        this.store = store;
        this.people = people;
        this.scopes = scopes;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The awards as the caller may see them: the published ones once published, else the preview; ranks province-wide. */
    CompositeStandings.Awards awards(CurrentUser actor, long competitionId) {
        Competitions.Competition c = competitions.get(actor, competitionId);
        CompositeStandings.Awards all = store.publication(c.id()).isPresent() ? published(c.id()) : standings.awards(c);
        return new CompositeStandings.Awards(
                all.individual().stream().filter(a -> people.find(a.personId()).map(p -> scopes.covers(actor, p.orgUnitId())).orElse(false)).toList(),
                all.team().stream().filter(a -> scopes.covers(actor, a.orgUnitId())).toList(),
                all.organisations().stream().filter(a -> scopes.covers(actor, a.orgUnitId())).toList());
    }

    Optional<SelectionStore.Publication> publication(CurrentUser actor, long competitionId) {
        return store.publication(competitions.get(actor, competitionId).id());
    }

    /** What publishing would publish now, for the province's organizer. */
    Preview preview(CurrentUser actor, long competitionId) {
        Competitions.Competition c = competitions.manage(actor, competitionId);
        CompositeStandings.Awards awards = standings.awards(c);
        long missing = standings.composite(c).individuals().stream().filter(i -> i.composite() == null).count();
        return new Preview(awards, fingerprint(awards), store.publication(c.id()).orElse(null), missing);
    }

    /**
     * Publishes the awards as they stand. Refused (409) while a composite is missing, or when {@code previewed} (the
     * fingerprint of the preview the organizer confirmed, if given) no longer matches; a second publication needs a
     * {@code reason} (422 otherwise).
     */
    @Transactional
    CompositeStandings.Awards publish(CurrentUser actor, long competitionId, @Nullable String reason, @Nullable String previewed) {
        Preview preview = preview(actor, competitionId);
        if (preview.missing() > 0) {
            throw Refusal.conflict("competition.awards.incomplete", preview.missing());
        }
        if (previewed != null && !previewed.equals(preview.fingerprint())) {
            throw Refusal.conflict("competition.awards.changed");
        }
        boolean again = preview.published() != null;
        if (again && (reason == null || reason.isBlank())) {
            throw Refusal.invalid(Violation.field("reason", "competition.awards.reason.required"));
        }
        CompositeStandings.Awards awards = preview.awards();
        List<SelectionStore.PublishedAward> rows = new ArrayList<>();
        awards.individual().forEach(a -> rows.add(new SelectionStore.PublishedAward(SelectionStore.AwardKind.INDIVIDUAL, a.award(), a.awardName(),
                a.rank(), a.personId(), null, a.name(), a.unitName(), a.score())));
        awards.team().forEach(a -> rows.add(unitRow(SelectionStore.AwardKind.TEAM, a)));
        awards.organisations().forEach(a -> rows.add(unitRow(SelectionStore.AwardKind.ORGANISATION, a)));
        String why = again ? reason.strip() : null;
        store.publishAwards(competitionId, new SelectionStore.Publication(clock.instant(), actor.username(), why), rows);
        audit.record(again ? "AWARDS_REPUBLISHED" : "AWARDS_PUBLISHED", "competition:" + competitionId, "individual=" + awards.individual().size()
                + " team=" + awards.team().size() + " organisations=" + awards.organisations().size() + (again ? " reason=" + why : ""));
        return awards;
    }

    /** The awards as a workbook with the page's columns: one sheet each for individuals, county teams and cities. */
    byte[] awardsXlsx(CurrentUser actor, long competitionId) {
        CompositeStandings.Awards awards = awards(actor, competitionId);
        try (var writer = new Spreadsheet.Writer()) {
            writer.sheet(messages.get("selection.xlsx.individual"), individualColumns());
            awards.individual().forEach(a -> writer.row(List.of(a.awardName(), a.rank(), a.name(), a.unitName(), a.score())));
            writer.sheet(messages.get("selection.xlsx.team"), unitColumns("selection.page.sumOfFour"));
            awards.team().forEach(a -> writer.row(List.of(a.awardName(), a.rank(), a.unitName(), a.score())));
            writer.sheet(messages.get("selection.xlsx.organisation"), unitColumns("selection.page.sumOfThirteen"));
            awards.organisations().forEach(a -> writer.row(List.of(a.awardName(), a.rank(), a.unitName(), a.score())));
            audit.record("AWARDS_EXPORTED", "competition:" + competitionId, null);
            return writer.toBytes();
        }
    }

    /** The columns of the individual awards, on the page and in the export. */
    List<String> individualColumns() {
        return List.of(messages.get("competition.page.award"), messages.get("competition.page.rank"), messages.get("competition.form.name"),
                messages.get("competition.page.unit"), messages.get("selection.page.composite"));
    }

    /** The columns of a table of units' awards (county teams, cities), on the page and in the export. */
    List<String> unitColumns(String scoreKey) {
        return List.of(messages.get("competition.page.award"), messages.get("competition.page.rank"), messages.get("competition.page.unit"),
                messages.get(scoreKey));
    }

    private CompositeStandings.Awards published(long competitionId) {
        List<CompositeStandings.IndividualAward> individual = new ArrayList<>();
        List<CompositeStandings.UnitAward> team = new ArrayList<>();
        List<CompositeStandings.UnitAward> organisations = new ArrayList<>();
        for (SelectionStore.PublishedAward a : store.publishedAwards(competitionId)) {
            switch (a.kind()) {
                case INDIVIDUAL -> individual.add(new CompositeStandings.IndividualAward(a.award(), a.awardName(), a.rank(), a.personId(),
                        a.name(), a.unitName(), a.score()));
                case TEAM -> team.add(unitAward(a));
                case ORGANISATION -> organisations.add(unitAward(a));
            }
        }
        return new CompositeStandings.Awards(individual, team, organisations);
    }

    private static CompositeStandings.UnitAward unitAward(SelectionStore.PublishedAward a) {
        return new CompositeStandings.UnitAward(a.award(), a.awardName(), a.rank(), a.orgUnitId(), a.unitName(), a.score());
    }

    private static SelectionStore.PublishedAward unitRow(SelectionStore.AwardKind kind, CompositeStandings.UnitAward a) {
        return new SelectionStore.PublishedAward(kind, a.award(), a.awardName(), a.rank(), null, a.orgUnitId(), null, a.unitName(), a.score());
    }

    /** The preview's fingerprint: the same awards give the same text, any changed row another. */
    private static String fingerprint(CompositeStandings.Awards awards) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(awards.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
