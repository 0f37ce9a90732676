package cn.arena.competition;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Team scores entered by hand in a stage that is not a written exam (audited). */
@Service
class StageScores {

    private final Stages stages;
    private final CompetitionStore store;
    private final AuditLog audit;
    private final Clock clock;

    StageScores(Stages stages, CompetitionStore store, AuditLog audit, Clock clock) {
        this.stages = stages;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    void enterScore(CurrentUser actor, long stageId, long teamId, @Nullable BigDecimal score, @Nullable String note) {
        Stages.StageOf s = stages.managed(actor, stageId);
        CompetitionStore.TeamRow team = store.team(teamId).filter(t -> t.competitionId() == s.competition().id())
                .orElseThrow(Refusal::notFound);
        if (s.stage().kind() == StageKind.WRITTEN) {
            throw Refusal.conflict("competition.score.writtenStage");
        }
        if (stages.entries(s.competition(), s.stage()).stream().noneMatch(e -> e.team().id() == team.id())) {
            throw Refusal.conflict("competition.score.teamNotInStage");
        }
        if (score == null || score.signum() < 0 || score.scale() > 2 || score.compareTo(new BigDecimal("99999999")) > 0) {
            throw Refusal.invalid(Violation.field("score", "competition.score.invalid"));
        }
        store.saveTeamScore(stageId, teamId, score, note == null || note.isBlank() ? null : note.strip(), actor.username(), clock.instant());
        audit.record("STAGE_SCORE_ENTERED", "team:" + teamId, "stage=" + stageId + " score=" + score.toPlainString()
                + (note == null ? "" : " note=" + note));
    }
}
