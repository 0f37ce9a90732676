package cn.arena.practice;

import cn.arena.account.AccountService;
import cn.arena.account.CurrentUser;
import cn.arena.account.Role;
import cn.arena.account.Scopes;
import cn.arena.account.AuditLog;
import cn.arena.bank.QuestionCatalog;
import cn.arena.bank.QuestionType;
import cn.arena.org.OrgTree;
import cn.arena.paper.Papers;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Practice programmes: created by an organizer for an org unit, a year and some banks; their members are the
 * CANDIDATE accounts of that unit's subtree. Who may see a programme: organizers whose scope covers its unit or lies
 * inside it (a city organizer in a province programme), and its members; anyone else gets 404.
 */
@Service
class Programmes {

    record NewProgramme(@Nullable String name, @Nullable Long orgUnitId, @Nullable List<Long> bankIds, @Nullable Integer year,
            Rules.@Nullable Input rules) {}

    /** Practice uses the objective types only: they mark themselves and show their key at once. */
    static final List<QuestionType> TYPES = Arrays.stream(QuestionType.values()).filter(QuestionType::isObjective).toList();

    private final PracticeStore store;
    private final OrgTree tree;
    private final AccountService accounts;
    private final Papers papers;
    private final QuestionCatalog catalog;
    private final Scopes scopes;
    private final AuditLog audit;
    private final Clock clock;

    Programmes(PracticeStore store, OrgTree tree, AccountService accounts, Papers papers, QuestionCatalog catalog, Scopes scopes,
            AuditLog audit, Clock clock) {
        this.store = store;
        this.tree = tree;
        this.accounts = accounts;
        this.papers = papers;
        this.catalog = catalog;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    PracticeStore.ProgrammeRow create(CurrentUser user, NewProgramme p) {
        List<Violation> problems = new ArrayList<>();
        String name = p.name() == null ? "" : p.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(Violation.field("name", "practice.name.required"));
        }
        if (p.orgUnitId() == null || !tree.exists(p.orgUnitId()) || !scopes.covers(user, p.orgUnitId())) {
            problems.add(Violation.field("orgUnitId", "practice.orgUnit.unknown"));
        }
        if (p.year() == null || p.year() < 2000 || p.year() > 2100) {
            problems.add(Violation.field("year", "practice.year.range"));
        }
        List<Long> bankIds = p.bankIds() == null ? List.of() : p.bankIds().stream().distinct().toList();
        try {
            papers.checkBanks(user, bankIds);
            if (supply(bankIds).values().stream().mapToInt(Integer::intValue).sum() == 0) {
                problems.add(Violation.field("bankIds", "practice.banks.noObjective"));
            }
        } catch (Refusal refusal) {
            problems.addAll(refusal.violations());
        }
        Rules rules = Rules.from(p.rules(), problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        long id = store.insertProgramme(name, p.orgUnitId(), p.year(), bankIds, rules, user.username(), clock.instant());
        audit.record("PRACTICE_PROGRAMME_CREATED", "practice:" + id, name);
        return store.programme(id).orElseThrow();
    }

    List<PracticeStore.ProgrammeRow> list(CurrentUser user) {
        return store.programmes().stream().filter(p -> sees(user, p)).toList();
    }

    /** The programme, for an organizer who may see it or one of its members; 404 otherwise. */
    PracticeStore.ProgrammeRow visible(CurrentUser user, long id) {
        return store.programme(id).filter(p -> sees(user, p)).orElseThrow(Refusal::notFound);
    }

    /** The programme for one of its members; 403 for a caller who is no candidate, 404 for a candidate outside it. */
    PracticeStore.ProgrammeRow forMember(CurrentUser user, long id) {
        if (!user.has(Role.CANDIDATE)) {
            throw Refusal.forbidden();
        }
        return store.programme(id).filter(p -> isMember(user, p)).orElseThrow(Refusal::notFound);
    }

    boolean isMember(CurrentUser user, PracticeStore.ProgrammeRow p) {
        return user.has(Role.CANDIDATE) && user.orgUnitId() != null && tree.isWithin(user.orgUnitId(), p.orgUnitId());
    }

    private boolean sees(CurrentUser user, PracticeStore.ProgrammeRow p) {
        boolean staff = user.isAdmin() || user.has(Role.ORGANIZER);
        return isMember(user, p) || staff && (scopes.covers(user, p.orgUnitId())
                || user.orgUnitId() != null && tree.isWithin(user.orgUnitId(), p.orgUnitId()));
    }

    /**
     * The unit a staff caller asks about within the programme (default: the programme's unit, or the caller's own
     * unit when that lies inside it); 404 for a unit outside the programme or outside the caller's scope.
     */
    long unitFor(CurrentUser user, PracticeStore.ProgrammeRow p, @Nullable Long orgUnitId) {
        long unit = orgUnitId != null ? orgUnitId
                : scopes.covers(user, p.orgUnitId()) || user.orgUnitId() == null ? p.orgUnitId() : user.orgUnitId();
        if (!tree.exists(unit) || !tree.isWithin(unit, p.orgUnitId()) || !scopes.covers(user, unit)) {
            throw Refusal.notFound();
        }
        return unit;
    }

    List<AccountService.UserSummary> members(PracticeStore.ProgrammeRow p) {
        return accounts.candidatesIn(tree.subtree(p.orgUnitId()).stream().map(OrgTree.OrgUnit::id).toList());
    }

    /** Objective questions per type the programme's banks hold, in type order. */
    Map<QuestionType, Integer> supply(List<Long> bankIds) {
        Map<QuestionType, Integer> supply = new TreeMap<>();
        for (QuestionType type : TYPES) {
            supply.put(type, catalog.eligible(bankIds, type, null, null).size());
        }
        return supply;
    }

    /** Ids of every objective question of the programme's banks: what daily study draws from. */
    List<Long> pool(PracticeStore.ProgrammeRow p) {
        return catalog.eligibleIds(p.bankIds(), TYPES);
    }
}
