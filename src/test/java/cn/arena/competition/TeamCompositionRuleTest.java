package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.org.OrgUnitKind;
import cn.arena.shared.Violation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TeamCompositionRuleTest {

    /** The Jiangyin 2021 rule: five members; towns need two community staff, windows two front-desk staff. */
    private final TeamCompositionRule jiangyin = new TeamCompositionRule(5, List.of(
            new TeamCompositionRule.UnitRule(Set.of(OrgUnitKind.DEV_ZONE, OrgUnitKind.TOWN), Map.of("COMMUNITY_STAFF", 2)),
            new TeamCompositionRule.UnitRule(Set.of(OrgUnitKind.SUB_CENTRE, OrgUnitKind.DEPARTMENT), Map.of("FRONT_DESK", 2))));

    @Test
    void acceptsATownTeamOfFiveWithTwoCommunityStaff() {
        assertThat(jiangyin.check(OrgUnitKind.TOWN,
                List.of("COMMUNITY_STAFF", "COMMUNITY_STAFF", "FRONT_DESK", "BACK_OFFICE", "MANAGEMENT"))).isEmpty();
    }

    @Test
    void refusesATeamOfFour() {
        assertThat(rules(jiangyin.check(OrgUnitKind.SUB_CENTRE, List.of("FRONT_DESK", "FRONT_DESK", "FRONT_DESK", "BACK_OFFICE"))))
                .containsExactly("TEAM_SIZE");
    }

    @Test
    void refusesATeamOfSix() {
        assertThat(rules(jiangyin.check(OrgUnitKind.DEV_ZONE, List.of("COMMUNITY_STAFF", "COMMUNITY_STAFF", "FRONT_DESK",
                "FRONT_DESK", "FRONT_DESK", "FRONT_DESK")))).containsExactly("TEAM_SIZE");
    }

    @Test
    void refusesATownTeamWithOneCommunityStaffMember() {
        List<Violation> problems = jiangyin.check(OrgUnitKind.TOWN,
                List.of("COMMUNITY_STAFF", "FRONT_DESK", "FRONT_DESK", "FRONT_DESK", "FRONT_DESK"));
        assertThat(rules(problems)).containsExactly("CATEGORY_MINIMUM");
        assertThat(problems.get(0).member()).isNull();
        assertThat(problems.get(0).args()).containsExactly("COMMUNITY_STAFF", 2, 1L);
    }

    @Test
    void theMinimumDependsOnTheUnitKind() {
        List<String> communityHeavy = List.of("COMMUNITY_STAFF", "COMMUNITY_STAFF", "COMMUNITY_STAFF", "BACK_OFFICE", "MANAGEMENT");
        assertThat(jiangyin.check(OrgUnitKind.TOWN, communityHeavy)).isEmpty();
        assertThat(rules(jiangyin.check(OrgUnitKind.DEPARTMENT, communityHeavy))).containsExactly("CATEGORY_MINIMUM");
    }

    @Test
    void refusesUnitsOfOtherKindsWhateverTheirMembers() {
        assertThat(rules(jiangyin.check(OrgUnitKind.COMMUNITY, List.of("COMMUNITY_STAFF", "COMMUNITY_STAFF",
                "COMMUNITY_STAFF", "COMMUNITY_STAFF", "COMMUNITY_STAFF")))).containsExactly("UNIT_KIND");
        assertThat(rules(jiangyin.check(OrgUnitKind.BUREAU, List.of()))).containsExactly("UNIT_KIND");
    }

    @Test
    void reportsSizeAndCategoryTogether() {
        assertThat(rules(jiangyin.check(OrgUnitKind.TOWN, List.of("FRONT_DESK")))).containsExactly("TEAM_SIZE", "CATEGORY_MINIMUM");
    }

    static List<String> rules(List<Violation> problems) {
        return problems.stream().map(Violation::rule).toList();
    }
}
