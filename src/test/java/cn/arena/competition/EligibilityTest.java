package cn.arena.competition;

import static cn.arena.competition.TeamCompositionRuleTest.rules;
import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EligibilityTest {

    private final Eligibility eligibility = new Eligibility(Map.of("k-in-team", 41L), Map.of("k-excluded", "2019年省赛选手"));

    @Test
    void acceptsPeopleInNoTeamAndNotExcluded() {
        assertThat(eligibility.check(List.of("a", "b", "c"))).isEmpty();
    }

    @Test
    void refusesAPersonAlreadyInAnotherTeamNamingTheMember() {
        List<Violation> problems = eligibility.check(List.of("a", "k-in-team"));
        assertThat(rules(problems)).containsExactly("ALREADY_IN_TEAM");
        assertThat(problems.get(0).member()).isEqualTo(1);
    }

    @Test
    void refusesAPersonNamedTwiceInOneRegistration() {
        List<Violation> problems = eligibility.check(List.of("a", "b", "a"));
        assertThat(rules(problems)).containsExactly("ALREADY_IN_TEAM");
        assertThat(problems.get(0).member()).isEqualTo(2);
    }

    @Test
    void refusesAnExcludedPersonWithTheReason() {
        List<Violation> problems = eligibility.check(List.of("k-excluded"));
        assertThat(rules(problems)).containsExactly("EXCLUDED");
        assertThat(problems.get(0).member()).isEqualTo(0);
        assertThat(problems.get(0).args()).contains("2019年省赛选手");
    }

    @Test
    void skipsMembersWhoseIdNumberCouldNotBeRead() {
        assertThat(eligibility.check(Arrays.asList(null, null, "a"))).isEmpty();
    }
}
