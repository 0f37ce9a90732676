package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Ranking;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdvancementRuleTest {

    private final AdvancementRule topEight = new AdvancementRule(8, AdvancementRule.CutLineTies.ALL_ADVANCE);

    @Test
    void theTopEightGo() {
        assertThat(topEight.advancing(ranks(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).containsExactly("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8");
    }

    @Test
    void everyTeamSharingTheEighthRankGoes() {
        assertThat(topEight.advancing(ranks(1, 2, 3, 4, 5, 6, 7, 8, 8, 10))).hasSize(9).contains("t9").doesNotContain("t10");
    }

    @Test
    void aTieAcrossTheCutLineTakesTheWholeGroup() {
        // ranks 7, 7, 7: the group starts inside the top eight and so goes whole: nine teams
        assertThat(topEight.advancing(ranks(1, 2, 3, 4, 5, 6, 7, 7, 7, 10))).hasSize(9);
    }

    @Test
    void aTieJustBelowTheCutLineStaysOut() {
        assertThat(topEight.advancing(ranks(1, 2, 3, 4, 5, 6, 7, 8, 9, 9))).hasSize(8);
    }

    @Test
    void theStrictRuleLeavesOutAGroupThatDoesNotFit() {
        var strict = new AdvancementRule(8, AdvancementRule.CutLineTies.NONE_ADVANCE);
        assertThat(strict.advancing(ranks(1, 2, 3, 4, 5, 6, 7, 8, 8, 10))).hasSize(7);
    }

    @Test
    void unrankedTeamsNeverGoEvenWhenThereAreFewTeams() {
        List<Ranking.Ranked<String>> ranked = new ArrayList<>(ranks(1, 2));
        ranked.add(new Ranking.Ranked<>(null, "absent"));
        assertThat(topEight.advancing(ranked)).containsExactly("t1", "t2");
    }

    static List<Ranking.Ranked<String>> ranks(Integer... ranks) {
        List<Ranking.Ranked<String>> list = new ArrayList<>();
        for (int i = 0; i < ranks.length; i++) {
            list.add(new Ranking.Ranked<>(ranks[i], "t" + (i + 1)));
        }
        return list;
    }
}
