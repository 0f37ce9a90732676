package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.org.People;
import cn.arena.shared.Ranking;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** A stage's standings: individuals by released written score and teams by their aggregate, best first. */
@Service
class StageStandings {

    /** {@code absent}: seated in a sitting whose results are released, with no score; before release nobody is. */
    public record IndividualStanding(@Nullable Integer rank, long personId, String name, long teamId, String unitName,
            @Nullable BigDecimal score, boolean absent) {}

    public record TeamStanding(@Nullable Integer rank, long teamId, String unitName, @Nullable BigDecimal score, boolean advanced) {}

    public record Standings(List<IndividualStanding> individuals, List<TeamStanding> teams) {}

    private final Stages stages;
    private final CompetitionStore store;
    private final People people;

    StageStandings(Stages stages, CompetitionStore store, People people) {
        this.stages = stages;
        this.store = store;
        this.people = people;
    }

    Standings standings(CurrentUser user, long stageId) {
        Stages.StageOf s = stages.visible(user, stageId);
        return standings(s.competition(), s.stage());
    }

    Standings standings(Competitions.Competition c, CompetitionStore.StageRow stage) {
        List<Stages.Entry> entries = stages.entries(c, stage);
        CompetitionRules.Advancement advancement = c.rules().advancement();
        Set<Long> advanced = advancement.from().equals(stage.code())
                ? new HashSet<>(store.stageTeams(c.stage(advancement.to()).id())) : Set.of();
        List<IndividualStanding> individuals = new ArrayList<>();
        if (stage.kind() == StageKind.WRITTEN) {
            record Person(long personId, long teamId, String unitName, @Nullable BigDecimal score) {}
            List<Person> persons = new ArrayList<>();
            Set<Long> released = stages.releasedPeople(stage);
            for (Stages.Entry e : entries) {
                for (int i = 0; i < e.personIds().size(); i++) {
                    persons.add(new Person(e.personIds().get(i), e.team().id(), e.unitName(), e.scores().get(i)));
                }
            }
            for (var r : Ranking.rank(persons, Person::score, Ranking.noTieBreak())) {
                Person p = r.entry();
                individuals.add(new IndividualStanding(r.rank(), p.personId(), people.find(p.personId()).map(People.PersonView::name).orElse(""),
                        p.teamId(), p.unitName(), p.score(), p.score() == null && released.contains(p.personId())));
            }
        }
        List<TeamStanding> teams = stages.rankTeams(c, entries).stream().map(r -> new TeamStanding(r.rank(), r.entry().team().id(),
                r.entry().unitName(), r.entry().score(), advanced.contains(r.entry().team().id()))).toList();
        return new Standings(individuals, teams);
    }
}
