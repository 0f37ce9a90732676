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

/**
 * Team scores entered by hand in a stage that is not a written exam, or written by a live final's FINISH (audited). A
 * live final's score may be below zero (its rounds take points away); any other stage's may not.
 */
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

    private static final BigDecimal MOST = new BigDecimal("99999999");

    @Transactional
    void enterScore(CurrentUser actor, long stageId, long teamId, @Nullable BigDecimal score, @Nullable String note) {
        enter(actor, stageId, teamId, score, null, note);
    }

    /** A live final's score with its tiebreak round's points (null: the team played none). */
    @Transactional
    void enterFinalScore(CurrentUser actor, long stageId, long teamId, BigDecimal score, @Nullable BigDecimal playoff, String note) {
        enter(actor, stageId, teamId, score, playoff, note);
    }

    private void enter(CurrentUser actor, long stageId, long teamId, @Nullable BigDecimal score, @Nullable BigDecimal playoff,
            @Nullable String note) {
        Stages.StageOf s = stages.managed(actor, stageId);
        CompetitionStore.TeamRow team = store.team(teamId).filter(t -> t.competitionId() == s.competition().id())
                .orElseThrow(Refusal::notFound);
        if (s.stage().kind() == StageKind.WRITTEN) {
            throw Refusal.conflict("competition.score.writtenStage");
        }
        if (stages.entries(s.competition(), s.stage()).stream().noneMatch(e -> e.team().id() == team.id())) {
            throw Refusal.conflict("competition.score.teamNotInStage");
        }
        BigDecimal least = s.stage().kind() == StageKind.LIVE_FINAL ? MOST.negate() : BigDecimal.ZERO;
        if (score == null || score.compareTo(least) < 0 || score.scale() > 2 || score.compareTo(MOST) > 0) {
            throw Refusal.invalid(Violation.field("score", "competition.score.invalid"));
        }
        store.saveTeamScore(stageId, teamId, new CompetitionStore.TeamScore(score, playoff), note == null || note.isBlank() ? null : note.strip(),
                actor.username(), clock.instant());
        audit.record("STAGE_SCORE_ENTERED", "team:" + teamId, "stage=" + stageId + " score=" + score.toPlainString()
                + (playoff == null ? "" : " tiebreak=" + playoff.toPlainString()) + (note == null ? "" : " note=" + note));
    }
}
