package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.org.OrgTree;
import cn.arena.org.OrgUnitKind;
import cn.arena.shared.Ranking;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderboardsTest {

    private static PracticeStore.ScoreRow row(long user, long unit, String month, int score) {
        return new PracticeStore.ScoreRow(user, unit, month, BigDecimal.valueOf(score));
    }

    @Test
    void theYearAddsUpTheMonthlyContestsAndAMemberWhoMovedCountsWhereTheyAreNow() {
        List<PracticeStore.ScoreRow> totals = Leaderboards.yearTotals(List.of(row(2, 20, "2026-01", 40), row(1, 10, "2026-01", 50),
                row(1, 30, "2026-03", 30), row(2, 20, "2026-02", 40)));
        assertThat(totals).extracting(PracticeStore.ScoreRow::userId, PracticeStore.ScoreRow::orgUnitId, s -> s.score().intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 30L, 80), org.assertj.core.groups.Tuple.tuple(2L, 20L, 80));
    }

    @Test
    void equalTotalsShareARankAndTheNextRankSkips() {
        List<PracticeStore.ScoreRow> totals = Leaderboards.yearTotals(List.of(row(1, 10, "2026-01", 80), row(2, 10, "2026-01", 80),
                row(3, 10, "2026-01", 60), row(4, 10, "2026-01", 90)));
        assertThat(Ranking.rank(totals, PracticeStore.ScoreRow::score, Ranking.noTieBreak()))
                .extracting(r -> r.entry().userId(), Ranking.Ranked::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, 1), org.assertj.core.groups.Tuple.tuple(1L, 2),
                        org.assertj.core.groups.Tuple.tuple(2L, 2), org.assertj.core.groups.Tuple.tuple(3L, 4));
    }

    @Test
    void aUnitLiesOnItsOwnBoardAndOnEveryBoardAboveItUpToTheProgrammesUnit() {
        // The programme is a city's (2) inside a province (1): the province's board is not the programme's.
        List<OrgTree.OrgUnit> subtree = List.of(unit(2, 1L), unit(3, 2L), unit(4, 2L), unit(5, 3L));
        assertThat(Leaderboards.boardsOfUnit(subtree)).containsExactly(Map.entry(2L, List.of(2L)), Map.entry(3L, List.of(3L, 2L)),
                Map.entry(4L, List.of(4L, 2L)), Map.entry(5L, List.of(5L, 3L, 2L)));
    }

    private static OrgTree.OrgUnit unit(long id, Long parent) {
        return new OrgTree.OrgUnit(id, "单位" + id, OrgUnitKind.COUNTY, parent);
    }
}
