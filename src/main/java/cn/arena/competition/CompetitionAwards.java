package cn.arena.competition;

import cn.arena.account.CurrentUser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** The competition's awards: individual and team award tiers applied to the standings of the stages they follow. */
@Service
class CompetitionAwards {

    public record IndividualAward(Award award, int rank, long personId, String name, String unitName, BigDecimal score) {}

    public record TeamAward(Award award, int rank, long teamId, String unitName, BigDecimal score) {}

    public record Awards(List<IndividualAward> individual, List<TeamAward> team) {}

    private final Competitions competitions;
    private final StageStandings standings;

    CompetitionAwards(Competitions competitions, StageStandings standings) {
        this.competitions = competitions;
        this.standings = standings;
    }

    Awards awards(CurrentUser user, long competitionId) {
        Competitions.Competition c = competitions.get(user, competitionId);
        CompetitionRules.Awards rules = c.rules().awards();
        List<IndividualAward> individual = new ArrayList<>();
        for (StageStandings.IndividualStanding i : standings.standings(c, c.stage(rules.individual().stage())).individuals()) {
            rules.individual().tiers().award(i.rank()).ifPresent(a ->
                    individual.add(new IndividualAward(a, i.rank(), i.personId(), i.name(), i.unitName(), i.score())));
        }
        List<TeamAward> team = new ArrayList<>();
        for (StageStandings.TeamStanding t : standings.standings(c, c.stage(rules.team().stage())).teams()) {
            rules.team().tiers().award(t.rank()).ifPresent(a -> team.add(new TeamAward(a, t.rank(), t.teamId(), t.unitName(), t.score())));
        }
        return new Awards(individual, team);
    }
}
