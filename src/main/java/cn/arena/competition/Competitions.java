package cn.arena.competition;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.account.Scopes;
import cn.arena.org.IdNumber;
import cn.arena.org.OrgTree;
import cn.arena.org.People;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Competitions: made from a template by an organizer, owned by an org unit, visible to the organizers of that unit
 * and above and to the unit contacts below it. A competition keeps the template text it was made from, so the
 * rules in force never change under it.
 */
@Service
public class Competitions {

    /** A competition with its rules in force. */
    public record Competition(long id, String templateCode, String name, long orgUnitId, Instant registrationDeadline,
            CompetitionTemplate template, List<CompetitionStore.StageRow> stages) {

        public CompetitionStore.StageRow stage(String code) {
            return stages.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
        }

        /** The team rules; 409 for a competition whose contestants enter one by one (it has no teams of units). */
        public CompetitionRules rules() {
            CompetitionRules rules = template.rules();
            if (rules == null) {
                throw Refusal.conflict("competition.template.noTeams");
            }
            return rules;
        }

        /** The selection rules; 409 for a competition of teams of units. */
        public SelectionRules selection() {
            SelectionRules selection = template.selection();
            if (selection == null) {
                throw Refusal.conflict("competition.template.noSelection");
            }
            return selection;
        }

        public boolean entersContestants() {
            return template.selection() != null;
        }
    }

    private final CompetitionStore store;
    /**
     * Templates parsed, by their text: a competition keeps its template's text, and every request on it (a live final's
     * buzzes among them) would otherwise parse the same YAML again. Keyed by the text itself, so it never answers stale.
     */
    private final Cache<String, CompetitionTemplate> parsed = Caffeine.newBuilder().maximumSize(100).build();
    private final CompetitionTemplates templates;
    private final OrgTree tree;
    private final Scopes scopes;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;

    Competitions(CompetitionStore store, CompetitionTemplates templates, OrgTree tree, Scopes scopes, People people, AuditLog audit,
            Clock clock) {
        this.store = store;
        this.templates = templates;
        this.tree = tree;
        this.scopes = scopes;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Competition create(CurrentUser actor, @Nullable String templateCode, @Nullable String name, @Nullable Long orgUnitId,
            @Nullable Instant deadline) {
        List<Violation> problems = new ArrayList<>();
        Optional<CompetitionTemplates.Loaded> template = templateCode == null ? Optional.empty() : templates.find(templateCode);
        if (template.isEmpty()) {
            problems.add(Violation.field("template", "competition.template.unknown"));
        }
        if (orgUnitId == null || tree.find(orgUnitId).isEmpty() || !scopes.covers(actor, orgUnitId)) {
            problems.add(Violation.field("orgUnitId", "competition.orgUnit.unknown"));
        }
        if (deadline == null) {
            problems.add(Violation.field("registrationDeadline", "competition.deadline.required"));
        } else if (!deadline.isAfter(clock.instant())) {
            problems.add(Violation.field("registrationDeadline", "competition.deadline.past"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        CompetitionTemplate t = template.get().template();
        String title = name == null || name.isBlank() ? t.name() : name.strip();
        long id = store.insertCompetition(t.code(), template.get().source(), title, orgUnitId, deadline, clock.instant());
        for (int i = 0; i < t.stages().size(); i++) {
            CompetitionTemplate.StageSpec s = t.stages().get(i);
            store.insertStage(id, s.code(), s.kind(), s.name(), i);
        }
        audit.record("COMPETITION_CREATED", "competition:" + id, "template=" + t.code());
        return load(store.competition(id).orElseThrow());
    }

    List<Competition> visibleTo(CurrentUser user) {
        return store.competitions().stream().map(this::load).filter(c -> canSee(user, c)).toList();
    }

    /** The competition if the user may see it; otherwise 404. */
    Competition get(CurrentUser user, long id) {
        return store.competition(id).map(this::load).filter(c -> canSee(user, c)).orElseThrow(Refusal::notFound);
    }

    /**
     * Also an organizer below the owner, in a competition whose contestants enter one by one: a city enters and sits
     * its own people in the province's competition (what it may touch there is each operation's scope check).
     */
    private boolean canSee(CurrentUser user, Competition c) {
        return canSee(user, c.orgUnitId()) || c.entersContestants() && user.has(Role.ORGANIZER) && user.orgUnitId() != null
                && tree.isWithin(user.orgUnitId(), c.orgUnitId());
    }

    /** The competition if the user may run it (an organizer over its owning unit); otherwise 404. */
    Competition manage(CurrentUser user, long id) {
        return store.competition(id).filter(c -> canManage(user, c.orgUnitId())).map(this::load).orElseThrow(Refusal::notFound);
    }

    Competition byId(long id) {
        return store.competition(id).map(this::load).orElseThrow(Refusal::notFound);
    }

    boolean canManage(CurrentUser user, long ownerUnitId) {
        return user.isAdmin() || user.has(Role.ORGANIZER) && scopes.covers(user, ownerUnitId);
    }

    /** Organizers see what their unit owns or lies below it; unit contacts what their unit's ancestors own. */
    boolean canSee(CurrentUser user, long ownerUnitId) {
        if (canManage(user, ownerUnitId)) {
            return true;
        }
        return user.has(Role.UNIT_CONTACT) && user.orgUnitId() != null && tree.isWithin(user.orgUnitId(), ownerUnitId);
    }

    @Transactional
    void exclude(CurrentUser actor, long competitionId, @Nullable String idNumber, @Nullable String reason) {
        Competition c = manage(actor, competitionId);
        List<Violation> problems = new ArrayList<>();
        Optional<String> idProblem = idNumber == null ? Optional.of("competition.exclusion.idNumber.required") : IdNumber.problem(idNumber);
        idProblem.ifPresent(key -> problems.add(Violation.field("idNumber", key)));
        if (reason == null || reason.isBlank()) {
            problems.add(Violation.field("reason", "competition.exclusion.reason.required"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        String key = people.lookupKey(idNumber);
        if (!store.exclusions(c.id(), List.of(key)).isEmpty()) {
            throw Refusal.conflict("competition.exclusion.exists");
        }
        String masked = IdNumber.parse(idNumber).masked();
        store.insertExclusion(c.id(), key, masked, reason.strip(), clock.instant());
        audit.record("COMPETITION_EXCLUSION_ADDED", "competition:" + c.id(), masked);
    }

    List<CompetitionStore.ExclusionRow> exclusions(CurrentUser actor, long competitionId) {
        return store.exclusionList(manage(actor, competitionId).id());
    }

    private Competition load(CompetitionStore.CompetitionRow row) {
        return new Competition(row.id(), row.templateCode(), row.name(), row.orgUnitId(), row.registrationDeadline(),
                parsed.get(row.templateSource(), CompetitionTemplate::parse), store.stages(row.id()));
    }
}
