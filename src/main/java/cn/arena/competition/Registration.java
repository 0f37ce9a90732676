package cn.arena.competition;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Scopes;
import cn.arena.org.IdNumber;
import cn.arena.org.OrgTree;
import cn.arena.org.People;
import cn.arena.org.StaffCategories;
import cn.arena.org.StaffCategory;
import cn.arena.shared.Refusal;
import cn.arena.shared.Spreadsheet;
import cn.arena.shared.Violation;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team registration (报名): a unit's contact (or an organizer) enters the team as on the registration form; every
 * rule of the competition is checked before anything is written, and the members become people of the unit.
 * A team is PENDING until an organizer approves or rejects it; its contact may withdraw it before the deadline.
 */
@Service
class Registration {

    record MemberEntry(@Nullable String name, @Nullable String idNumber, @Nullable String mobile, @Nullable String landline,
            @Nullable String staffCategory) {}

    record TeamEntry(@Nullable Long orgUnitId, @Nullable String contactName, @Nullable String contactPhone, List<MemberEntry> members) {}

    public record MemberView(long personId, String name, String idNumber, String staffCategory) {}

    public record TeamView(long id, long competitionId, long orgUnitId, String unitName, String status, String contactName,
            String contactPhone, @Nullable String reason, List<MemberView> members) {}

    /** Which rule code a person's field problem is reported under. */
    private static final Map<String, String> RULE_OF_FIELD = Map.of("idNumber", "ID_NUMBER", "mobile", "MOBILE",
            "landline", "LANDLINE", "name", "NAME", "staffCategory", "STAFF_CATEGORY");

    private final Competitions competitions;
    private final CompetitionStore store;
    private final OrgTree tree;
    private final Scopes scopes;
    private final People people;
    private final StaffCategories categories;
    private final AuditLog audit;
    private final Clock clock;

    Registration(Competitions competitions, CompetitionStore store, OrgTree tree, Scopes scopes, People people,
            StaffCategories categories, AuditLog audit, Clock clock) {
        this.competitions = competitions;
        this.store = store;
        this.tree = tree;
        this.scopes = scopes;
        this.people = people;
        this.categories = categories;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    TeamView register(CurrentUser actor, long competitionId, TeamEntry entry) {
        Competitions.Competition c = competitions.get(actor, competitionId);
        if (entry.orgUnitId() == null) {
            throw Refusal.invalid(Violation.field("orgUnitId", "competition.team.orgUnit.required"));
        }
        OrgTree.OrgUnit unit = tree.find(entry.orgUnitId()).filter(u -> scopes.covers(actor, u.id())).orElseThrow(Refusal::notFound);
        if (clock.instant().isAfter(c.registrationDeadline())) {
            throw Refusal.conflict("competition.registration.closed");
        }
        List<Violation> problems = new ArrayList<>();
        if (!tree.isWithin(unit.id(), c.orgUnitId())) {
            problems.add(Violation.field("orgUnitId", "competition.team.orgUnit.outside"));
        }
        if (blank(entry.contactName())) {
            problems.add(Violation.field("contactName", "competition.team.contactName.required"));
        }
        if (blank(entry.contactPhone())) {
            problems.add(Violation.field("contactPhone", "competition.team.contactPhone.required"));
        }
        List<String> memberCategories = entry.members().stream()
                .map(m -> categories.resolve(nz(m.staffCategory())).orElse(nz(m.staffCategory()))).toList();
        problems.addAll(c.rules().team().check(unit.kind(), memberCategories));
        if (store.unitHasLiveTeam(c.id(), unit.id())) {
            problems.add(Violation.rule("UNIT_HAS_TEAM", null, "competition.rule.unitHasTeam", unit.name()));
        }
        List<People.NewPerson> persons = new ArrayList<>();
        List<@Nullable String> keys = new ArrayList<>();
        for (int i = 0; i < entry.members().size(); i++) {
            MemberEntry m = entry.members().get(i);
            People.NewPerson person = new People.NewPerson(nz(m.name()), nz(m.idNumber()), nz(m.mobile()), m.landline(),
                    nz(m.staffCategory()), unit.id());
            persons.add(person);
            for (Violation v : people.check(person)) {
                String rule = RULE_OF_FIELD.get(v.field());
                if (rule != null) {
                    problems.add(Violation.rule(rule, i, v.messageKey(), v.args()));
                }
            }
            keys.add(IdNumber.problem(person.idNumber()).isEmpty() ? people.lookupKey(person.idNumber()) : null);
        }
        List<String> known = keys.stream().filter(k -> k != null).map(k -> (String) k).toList();
        problems.addAll(new Eligibility(store.liveTeamsOf(c.id(), known), store.exclusions(c.id(), known)).check(keys));
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        long teamId = store.insertTeam(c.id(), unit.id(), entry.contactName().strip(), entry.contactPhone().strip(), clock.instant());
        for (int i = 0; i < persons.size(); i++) {
            store.insertMember(teamId, people.register(actor, persons.get(i)), keys.get(i), i);
        }
        audit.record("TEAM_REGISTERED", "team:" + teamId, "competition=" + c.id() + " unit=" + unit.id());
        return view(store.team(teamId).orElseThrow());
    }

    /**
     * A team from a filled-in registration form (xlsx): the same checks as the online form, each problem placed on the
     * row and column of the form it is about.
     */
    @Transactional
    TeamView importForm(CurrentUser actor, long competitionId, @Nullable Long orgUnitId, InputStream file, long size) {
        competitions.get(actor, competitionId);
        RegistrationForm.Parsed form = RegistrationForm.read(Spreadsheet.read(file, size), categories::resolve);
        TeamEntry entry = form.entry();
        try {
            return register(actor, competitionId, new TeamEntry(orgUnitId, entry.contactName(), entry.contactPhone(), entry.members()));
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.INVALID) {
                throw Refusal.invalid(form.placed(refusal.violations()));
            }
            throw refusal;
        }
    }

    /** The teams of the competition the user may see: all of them for its organizers, their own units' for contacts. */
    List<TeamView> teams(CurrentUser user, long competitionId) {
        Competitions.Competition c = competitions.get(user, competitionId);
        boolean organizer = competitions.canManage(user, c.orgUnitId());
        return store.teams(c.id()).stream().filter(t -> organizer || scopes.covers(user, t.orgUnitId())).map(this::view).toList();
    }

    @Transactional
    TeamView approve(CurrentUser actor, long teamId) {
        CompetitionStore.TeamRow team = managed(actor, teamId);
        if (team.status() != CompetitionStore.TeamStatus.PENDING && team.status() != CompetitionStore.TeamStatus.REJECTED) {
            throw Refusal.conflict("competition.team.notPending");
        }
        if (team.status() == CompetitionStore.TeamStatus.REJECTED && store.unitHasLiveTeam(team.competitionId(), team.orgUnitId())) {
            throw Refusal.conflict("competition.team.unitHasTeam");
        }
        store.setStatus(teamId, CompetitionStore.TeamStatus.APPROVED, null);
        audit.record("TEAM_APPROVED", "team:" + teamId, null);
        return view(store.team(teamId).orElseThrow());
    }

    @Transactional
    TeamView reject(CurrentUser actor, long teamId, @Nullable String reason) {
        CompetitionStore.TeamRow team = managed(actor, teamId);
        if (!team.live()) {
            throw Refusal.conflict("competition.team.notLive");
        }
        store.setStatus(teamId, CompetitionStore.TeamStatus.REJECTED, reason == null ? null : reason.strip());
        audit.record("TEAM_REJECTED", "team:" + teamId, reason);
        return view(store.team(teamId).orElseThrow());
    }

    /** The unit's contact (or an organizer) takes the team back, before the registration deadline only. */
    @Transactional
    TeamView withdraw(CurrentUser actor, long teamId) {
        CompetitionStore.TeamRow team = visible(actor, teamId);
        Competitions.Competition c = competitions.byId(team.competitionId());
        if (clock.instant().isAfter(c.registrationDeadline())) {
            throw Refusal.conflict("competition.registration.closed");
        }
        if (!team.live()) {
            throw Refusal.conflict("competition.team.notLive");
        }
        store.setStatus(teamId, CompetitionStore.TeamStatus.WITHDRAWN, null);
        audit.record("TEAM_WITHDRAWN", "team:" + teamId, null);
        return view(store.team(teamId).orElseThrow());
    }

    TeamView get(CurrentUser user, long teamId) {
        return view(visible(user, teamId));
    }

    /** A team its contact or the competition's organizers may see. */
    private CompetitionStore.TeamRow visible(CurrentUser user, long teamId) {
        return store.team(teamId).filter(t -> {
            Competitions.Competition c = competitions.byId(t.competitionId());
            return competitions.canManage(user, c.orgUnitId()) || competitions.canSee(user, c.orgUnitId()) && scopes.covers(user, t.orgUnitId());
        }).orElseThrow(Refusal::notFound);
    }

    private CompetitionStore.TeamRow managed(CurrentUser user, long teamId) {
        return store.team(teamId).filter(t -> competitions.canManage(user, competitions.byId(t.competitionId()).orgUnitId()))
                .orElseThrow(Refusal::notFound);
    }

    TeamView view(CompetitionStore.TeamRow t) {
        List<MemberView> members = store.members(t.id()).stream().map(m -> people.find(m.personId())
                .map(p -> new MemberView(p.id(), p.name(), p.maskedIdNumber(), p.staffCategory()))
                .orElse(new MemberView(m.personId(), "", "", ""))).toList();
        return new TeamView(t.id(), t.competitionId(), t.orgUnitId(), unitName(t.orgUnitId()), t.status().name(), t.contactName(),
                t.contactPhone(), t.reason(), members);
    }

    /** Staff categories by code, as team lists show them. */
    Map<String, String> categoryNames() {
        return categories.all().stream().collect(Collectors.toMap(StaffCategory::code, StaffCategory::name));
    }

    String unitName(long unitId) {
        return tree.find(unitId).map(OrgTree.OrgUnit::name).orElse("");
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
