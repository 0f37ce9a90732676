package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.shared.Refusal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the live final (module {@code live}) needs of a competition: its LIVE_FINAL stage with the competition and the
 * caller's scope, the teams that advanced into it in standing order with their named finalists, and writing each
 * team's final score into the stage as a hand-entered score would be.
 */
@Service
public class LiveFinals {

    /** A LIVE_FINAL stage; {@code templateSource} is the template text in force, which configures the rounds. */
    public record FinalStage(long stageId, String stageName, long competitionId, String competitionName, long ownerUnitId,
            String templateSource, int finalistsPerTeam) {}

    /** A team advanced into the final: its unit and its named finalists (empty until named). */
    public record FinalTeam(long teamId, long orgUnitId, String unitName, List<Long> finalistIds) {}

    /** The demo data's competition whose live final is ready to run (see {@code LiveFinalDemoData}). */
    public static final String DEMO_COMPETITION = "2021年江阴市政务服务技能竞赛（现场决赛演示）";

    private final Stages stages;
    private final CompetitionStore store;
    private final Competitions competitions;
    private final StageStandings standings;
    private final StageScores scores;

    LiveFinals(Stages stages, CompetitionStore store, Competitions competitions, StageStandings standings, StageScores scores) {
        this.stages = stages;
        this.store = store;
        this.competitions = competitions;
        this.standings = standings;
        this.scores = scores;
    }

    /** The final if the user may run it (an organizer over its competition's unit); otherwise 404. */
    public FinalStage managed(CurrentUser user, long stageId) {
        return of(stages.managed(user, stageId));
    }

    /** The final, whoever asks: finalists, judges and the big screen are checked by the live module itself. */
    public Optional<FinalStage> find(long stageId) {
        return store.stage(stageId).filter(s -> s.kind() == StageKind.LIVE_FINAL)
                .map(s -> of(new Stages.StageOf(competitions.byId(s.competitionId()), s)));
    }

    /** The demo competition's final, when the demo data made it. */
    public Optional<FinalStage> demo() {
        return store.competitions().stream().filter(c -> c.name().equals(DEMO_COMPETITION)).findFirst()
                .flatMap(c -> store.stages(c.id()).stream().filter(st -> st.kind() == StageKind.LIVE_FINAL).findFirst())
                .flatMap(st -> find(st.id()));
    }

    public boolean canManage(CurrentUser user, FinalStage stage) {
        return competitions.canManage(user, stage.ownerUnitId());
    }

    /** The teams advanced into the final, in the order of their standing in the stage they advanced from. */
    public List<FinalTeam> teams(long stageId) {
        CompetitionStore.StageRow stage = store.stage(stageId).orElseThrow(Refusal::notFound);
        Competitions.Competition c = competitions.byId(stage.competitionId());
        Set<Long> advanced = Set.copyOf(store.stageTeams(stageId));
        Map<Long, List<Long>> finalists = store.finalists(stageId);
        Map<Long, CompetitionStore.TeamRow> rows = store.teams(c.id()).stream().collect(Collectors.toMap(CompetitionStore.TeamRow::id, t -> t));
        CompetitionStore.StageRow before = c.stage(c.rules().advancement().from());
        return standings.standings(c, before).teams().stream().filter(t -> advanced.contains(t.teamId()))
                .map(t -> new FinalTeam(t.teamId(), rows.get(t.teamId()).orgUnitId(), t.unitName(), finalists.getOrDefault(t.teamId(), List.of())))
                .toList();
    }

    /** A team's final score, and its tiebreak round's points if it played one (they order it among the tied). */
    public record FinalScore(BigDecimal score, @Nullable BigDecimal tiebreak) {}

    /**
     * Each team's final score becomes its score in the stage, as if entered with {@code PUT …/teams/{teamId}/score}
     * (below zero too); the awards then order teams tied on it by their tiebreak points.
     */
    @Transactional
    public void enterFinalScores(CurrentUser actor, long stageId, Map<Long, FinalScore> finalScores, String note) {
        finalScores.forEach((teamId, f) -> scores.enterFinalScore(actor, stageId, teamId, f.score(), f.tiebreak(), note));
    }

    private FinalStage of(Stages.StageOf s) {
        if (s.stage().kind() != StageKind.LIVE_FINAL) {
            throw Refusal.notFound();
        }
        String source = store.competition(s.competition().id()).orElseThrow().templateSource();
        return new FinalStage(s.stage().id(), s.stage().name(), s.competition().id(), s.competition().name(), s.competition().orgUnitId(),
                source, s.competition().rules().advancement().membersPerTeam());
    }
}
