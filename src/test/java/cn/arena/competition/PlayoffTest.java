package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Ranking;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The tiebreak round's (附加赛) place in the ranking: it orders the tied teams only, and only when they played one. */
class PlayoffTest {

    record Team(String name, BigDecimal score, @Nullable BigDecimal playoff) {}

    static Team t(String name, String score, @Nullable String playoff) {
        return new Team(name, new BigDecimal(score), playoff == null ? null : new BigDecimal(playoff));
    }

    static List<String> ranks(List<Team> teams) {
        return Ranking.rank(teams, Team::score, Playoff.before(Team::playoff, Ranking.noTieBreak())).stream()
                .map(r -> r.rank() + " " + r.entry().name()).toList();
    }

    @Test
    void theTiebreaksPointsOrderTheTiedTeamsAndNeverTheScore() {
        // 乙 and 丙 tie on 180; 丙 wins the tiebreak with 10 to 0, yet 甲's 200 stays first whatever its tiebreak
        assertThat(ranks(List.of(t("甲", "200", null), t("乙", "180", "0"), t("丙", "180", "10"), t("丁", "150", null))))
                .containsExactly("1 甲", "2 丙", "3 乙", "4 丁");
    }

    @Test
    void withoutATiebreakTiedTeamsShareTheRank() {
        assertThat(ranks(List.of(t("甲", "200", null), t("乙", "180", null), t("丙", "180", null), t("丁", "150", null))))
                .containsExactly("1 甲", "2 乙", "2 丙", "4 丁");
    }

    @Test
    void teamsEqualInTheTiebreakTooShareTheRank() {
        assertThat(ranks(List.of(t("甲", "180", "10"), t("乙", "180", "10"), t("丙", "180", "0"))))
                .containsExactly("1 甲", "1 乙", "3 丙");
    }

    @Test
    void aNegativeScoreRanksBelowZero() {
        assertThat(ranks(List.of(t("甲", "-20", null), t("乙", "0", null)))).containsExactly("1 乙", "2 甲");
    }

    @Test
    void theTemplatesTieBreakComesAfterTheTiebreakRound() {
        var byName = java.util.Comparator.comparing(Team::name);
        var ranked = Ranking.rank(List.of(t("B", "180", "0"), t("A", "180", "0"), t("C", "180", "10")), Team::score,
                Playoff.before(Team::playoff, byName));
        assertThat(ranked).extracting(r -> r.rank() + " " + r.entry().name()).containsExactly("1 C", "2 A", "3 B");
    }
}
