package cn.arena.competition;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
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

    /** Applies the advancement rule of this stage; repeatable until the next stage has scores. */
    @Transactional
    List<Long> advance(CurrentUser actor, long stageId) {
        Stages.StageOf s = stages.managed(actor, stageId);
        CompetitionRules.Advancement rule = s.competition().rules().advancement();
        if (!rule.from().equals(s.stage().code())) {
            throw Refusal.conflict("competition.advance.notFromHere");
        }
        CompetitionStore.StageRow next = s.competition().stage(rule.to());
        if (stages.hasScores(next)) {
            throw Refusal.conflict("competition.advance.nextStageScored");
        }
        List<Long> advancing = rule.rule().advancing(stages.rankTeams(s.competition(), stages.entries(s.competition(), s.stage())))
                .stream().map(e -> e.team().id()).toList();
        store.replaceStageTeams(next.id(), advancing);
        audit.record("TEAMS_ADVANCED", "stage:" + next.id(), "teams=" + advancing);
        return advancing;
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
