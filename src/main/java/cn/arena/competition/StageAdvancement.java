package cn.arena.competition;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.shared.Ranking;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Advancement (晋级) from one stage into the next by the competition's rule, and the finalists each advanced team names. */
@Service
class StageAdvancement {

    private final Stages stages;
    private final CompetitionStore store;
    private final AuditLog audit;

    StageAdvancement(Stages stages, CompetitionStore store, AuditLog audit) {
        this.stages = stages;
        this.store = store;
        this.audit = audit;
    }

    /** Why advancing now would change nothing or be refused. */
    enum Blocked { NO_RESULTS, NEXT_STAGE_SCORED }

    record AdvancingTeam(long teamId, String unitName, @Nullable Integer rank, @Nullable BigDecimal score) {}

    /**
     * What {@link #advance} would do, without doing it: the teams above the cut line ({@code top}, with its rule for
     * ties), and {@code blocked} when nothing can advance yet (no released results) or may no longer change.
     */
    record Preview(long toStageId, String toStageName, int top, AdvancementRule.CutLineTies cutLineTies,
            List<AdvancingTeam> advancing, @Nullable Blocked blocked) {}

    Preview preview(CurrentUser actor, long stageId) {
        Stages.StageOf s = stages.managed(actor, stageId);
        CompetitionRules.Advancement rule = rule(s);
        CompetitionStore.StageRow next = s.competition().stage(rule.to());
        Blocked blocked = stages.hasScores(next) ? Blocked.NEXT_STAGE_SCORED
                : stages.hasScores(s.stage()) ? null : Blocked.NO_RESULTS;
        List<AdvancingTeam> advancing = advancing(s, rule).stream()
                .map(r -> new AdvancingTeam(r.entry().team().id(), r.entry().unitName(), r.rank(), r.entry().score())).toList();
        return new Preview(next.id(), next.name(), rule.rule().top(), rule.rule().cutLineTies(), advancing, blocked);
    }

    /** Applies the advancement rule of this stage; repeatable until the next stage has scores. */
    @Transactional
    List<Long> advance(CurrentUser actor, long stageId) {
        Stages.StageOf s = stages.managed(actor, stageId);
        CompetitionRules.Advancement rule = rule(s);
        CompetitionStore.StageRow next = s.competition().stage(rule.to());
        if (stages.hasScores(next)) {
            throw Refusal.conflict("competition.advance.nextStageScored");
        }
        List<Long> advancing = advancing(s, rule).stream().map(e -> e.entry().team().id()).toList();
        store.replaceStageTeams(next.id(), advancing);
        audit.record("TEAMS_ADVANCED", "stage:" + next.id(), "teams=" + advancing);
        return advancing;
    }

    private static CompetitionRules.Advancement rule(Stages.StageOf s) {
        CompetitionRules.Advancement rule = s.competition().rules().advancement();
        if (!rule.from().equals(s.stage().code())) {
            throw Refusal.conflict("competition.advance.notFromHere");
        }
        return rule;
    }

    /** The ranked teams of the stage that the rule sends on, best first. */
    private List<Ranking.Ranked<Stages.Entry>> advancing(Stages.StageOf s, CompetitionRules.Advancement rule) {
        List<Ranking.Ranked<Stages.Entry>> ranked = stages.rankTeams(s.competition(), stages.entries(s.competition(), s.stage()));
        // each ranked team carried as its own entry, so the rule hands back the ranks with the teams
        return rule.rule().advancing(ranked.stream().map(r -> new Ranking.Ranked<>(r.rank(), r)).toList());
    }

    @Transactional
    void nameFinalists(CurrentUser actor, long stageId, long teamId, @Nullable List<Long> personIds) {
        Stages.StageOf s = stages.managed(actor, stageId);
        CompetitionStore.TeamRow team = store.team(teamId).filter(t -> t.competitionId() == s.competition().id())
                .orElseThrow(Refusal::notFound);
        CompetitionRules.Advancement rule = s.competition().rules().advancement();
        if (!rule.to().equals(s.stage().code()) || !store.stageTeams(stageId).contains(team.id())) {
            throw Refusal.conflict("competition.finalists.notAdvanced");
        }
        List<Long> ids = personIds == null ? List.of() : personIds;
        Set<Long> members = store.members(teamId).stream().map(CompetitionStore.MemberRow::personId).collect(Collectors.toSet());
        List<Violation> problems = new ArrayList<>();
        if (ids.size() != rule.membersPerTeam() || new HashSet<>(ids).size() != ids.size()) {
            problems.add(Violation.field("personIds", "competition.finalists.count", rule.membersPerTeam()));
        }
        ids.stream().filter(id -> !members.contains(id)).forEach(id ->
                problems.add(Violation.field("personIds", "competition.finalists.notInTeam", id)));
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        store.replaceFinalists(stageId, teamId, ids);
        audit.record("FINALISTS_NAMED", "team:" + teamId, "stage=" + stageId + " people=" + ids);
    }
}
