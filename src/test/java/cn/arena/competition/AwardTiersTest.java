package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AwardTiersTest {

    private final AwardTiers individual = new AwardTiers(List.of(new AwardTiers.Tier(Award.EXCELLENCE, 20),
            new AwardTiers.Tier(Award.FIRST, 1), new AwardTiers.Tier(Award.SECOND, 4), new AwardTiers.Tier(Award.THIRD, 10)));
    private final AwardTiers team = new AwardTiers(List.of(new AwardTiers.Tier(Award.FIRST, 1),
            new AwardTiers.Tier(Award.SECOND, 3), new AwardTiers.Tier(Award.THIRD, 8)));

    @Test
    void individualTiersGiveOneThreeSixTenPlaces() {
        assertThat(awards(individual, 1, 2, 3, 4, 5, 10, 11, 20, 21))
                .containsExactly(Award.FIRST, Award.SECOND, Award.SECOND, Award.SECOND, Award.THIRD, Award.THIRD,
                        Award.EXCELLENCE, Award.EXCELLENCE, null);
    }

    @Test
    void teamTiersGiveOneTwoFivePlaces() {
        assertThat(awards(team, 1, 2, 3, 4, 8, 9)).containsExactly(Award.FIRST, Award.SECOND, Award.SECOND, Award.THIRD, Award.THIRD, null);
    }

    @Test
    void peopleSharingARankShareTheAward() {
        // 1, 2, 2, 4: both second places are SECOND
        assertThat(awards(individual, 1, 2, 2, 4)).containsExactly(Award.FIRST, Award.SECOND, Award.SECOND, Award.SECOND);
    }

    @Test
    void aTieOnATierBoundaryGivesEveryoneTheTierTheirRankReaches() {
        // three people share rank 4, the last SECOND place: all three are SECOND, the tier holds five
        assertThat(awards(individual, 1, 2, 3, 4, 4, 4, 7)).containsExactly(Award.FIRST, Award.SECOND, Award.SECOND,
                Award.SECOND, Award.SECOND, Award.SECOND, Award.THIRD);
        // two teams share FIRST: both FIRST, and the next team, ranked 3, is still SECOND
        assertThat(awards(team, 1, 1, 3, 4)).containsExactly(Award.FIRST, Award.FIRST, Award.SECOND, Award.THIRD);
    }

    @Test
    void aTieStraddlingTheLastPlaceStillGetsTheAward() {
        assertThat(awards(individual, 20, 20, 22)).containsExactly(Award.EXCELLENCE, Award.EXCELLENCE, null);
    }

    @Test
    void theUnrankedGetNothing() {
        assertThat(individual.award(null)).isEmpty();
    }

    private static List<Award> awards(AwardTiers tiers, int... ranks) {
        return java.util.Arrays.stream(ranks).mapToObj(r -> tiers.award(r)).map(a -> a.orElse(null)).toList();
    }

}
