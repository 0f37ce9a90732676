package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Ranking;
import cn.arena.support.ApiTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The boards ranked in the database give exactly what the shared {@link Ranking} rule gives over the same scores in
 * memory: ties share a rank (1, 2, 2, 4) on every page and for every member's own row, on the whole programme's board
 * and on a unit's; ranking a period again after its scores changed replaces its ranks; and the year's rows are the
 * sums the old in-memory year totals made.
 */
class LeaderboardRankingIT extends ApiTest {

    private static final long A = 910_001, B = 910_002, C = 910_003;
    /** The programme's board (ROOT) ranks units A, B and C; unit A's board A; a board X ranks B and C. */
    private static final long ROOT = 910_000, X = 910_009;
    private static final Map<Long, List<Long>> BOARDS = Map.of(A, List.of(A, ROOT), B, List.of(B, X, ROOT), C, List.of(C, X, ROOT));

    @Autowired PracticeStore store;

    record Ranked(int rank, long userId, BigDecimal score) {}

    @Test
    void ranksInTheDatabaseAreTheSharedRankingRule() {
        long programme = store.insertProgramme("排名一致", A, 2026, List.of(1L), Rules.from(null, new ArrayList<>()), "test", Instant.now());
        Random random = new Random(11);
        List<PracticeStore.ScoreRow> week = new ArrayList<>();
        for (long user = 1; user <= 157; user++) {
            long unit = List.of(A, B, C).get(random.nextInt(3));
            // Few distinct scores, so most rows tie with others; some with two decimals.
            BigDecimal score = BigDecimal.valueOf(random.nextInt(12) * 25L, 2 - random.nextInt(2)).setScale(2);
            store.insertScore(programme, Period.Kind.WEEK, "2026-W10", user, unit, score);
            week.add(new PracticeStore.ScoreRow(user, unit, "2026-W10", score));
        }
        store.insertScore(programme, Period.Kind.WEEK, "2026-W10", 999, null, BigDecimal.TEN.setScale(2)); // no unit: on no board

        store.replaceBoardUnits(programme, BOARDS);
        store.rankPeriod(programme, Period.Kind.WEEK, "2026-W10");
        assertBoardsAreTheSharedRanking(programme, week);

        // One more member: the period ranked again replaces its first ranking.
        store.insertScore(programme, Period.Kind.WEEK, "2026-W10", 158, B, BigDecimal.valueOf(275, 2));
        week.add(new PracticeStore.ScoreRow(158, B, "2026-W10", BigDecimal.valueOf(275, 2)));
        store.rankPeriod(programme, Period.Kind.WEEK, "2026-W10");
        assertBoardsAreTheSharedRanking(programme, week);
        assertThat(store.rankOn(programme, Period.Kind.WEEK, "2026-W10", ROOT, 999)).as("a score without a unit").isEmpty();
    }

    private void assertBoardsAreTheSharedRanking(long programme, List<PracticeStore.ScoreRow> week) {
        for (Map.Entry<Long, Set<Long>> board : Map.of(ROOT, Set.of(A, B, C), A, Set.of(A), X, Set.of(B, C)).entrySet()) {
            Set<Long> units = board.getValue();
            List<Ranked> expected = inMemory(week.stream().filter(s -> units.contains(s.orgUnitId())).toList());
            assertThat(store.boardMembers(programme, Period.Kind.WEEK, "2026-W10", board.getKey())).isEqualTo(expected.size());
            for (int size : List.of(1, 7, 50, 500)) {
                assertThat(inDatabase(programme, Period.Kind.WEEK, "2026-W10", board.getKey(), size)).as("board %s, pages of %d", units, size)
                        .isEqualTo(expected);
            }
            for (Ranked r : expected) {
                assertThat(store.rankOn(programme, Period.Kind.WEEK, "2026-W10", board.getKey(), r.userId()).orElseThrow().rank())
                        .as("own rank of %d", r.userId()).isEqualTo(r.rank());
            }
        }
    }

    @Test
    void theYearsRowsAreTheSumsOfItsContestsUnderTheLatestUnit() {
        long programme = store.insertProgramme("年度合计", A, 2026, List.of(1L), Rules.from(null, new ArrayList<>()), "test", Instant.now());
        Random random = new Random(5);
        List<PracticeStore.ScoreRow> monthly = new ArrayList<>();
        for (String month : List.of("2026-01", "2026-02", "2026-03")) {
            for (long user = 1; user <= 60; user++) {
                if (random.nextInt(4) == 0) {
                    continue; // did not sit this month
                }
                Long unit = random.nextInt(10) == 0 ? null : List.of(A, B, C).get(random.nextInt(3)); // some moved
                BigDecimal score = BigDecimal.valueOf(random.nextInt(5) * 10L).setScale(2);
                store.insertScore(programme, Period.Kind.MONTH, month, user, unit, score);
                monthly.add(new PracticeStore.ScoreRow(user, unit, month, score));
            }
        }
        store.insertScore(programme, Period.Kind.MONTH, "2025-12", 1, A, BigDecimal.valueOf(99)); // another year's contest
        store.refreshYearTotals(programme, "2026");
        store.refreshYearTotals(programme, "2026"); // again, as every release does: the rows are made anew, not added

        List<PracticeStore.ScoreRow> totals = Leaderboards.yearTotals(monthly);
        assertThat(store.scores(programme, Period.Kind.YEAR, "2026", false)).isEqualTo(totals.stream()
                .map(t -> new PracticeStore.ScoreRow(t.userId(), t.orgUnitId(), "2026", t.score().setScale(2))).toList());
        store.replaceBoardUnits(programme, BOARDS);
        store.rankPeriod(programme, Period.Kind.YEAR, "2026");
        assertThat(inDatabase(programme, Period.Kind.YEAR, "2026", ROOT, 9))
                .isEqualTo(inMemory(totals.stream().filter(t -> t.orgUnitId() != null).toList()));
    }

    /** How the boards ranked before: every row of the period in user id order, through the shared rule. */
    private static List<Ranked> inMemory(List<PracticeStore.ScoreRow> rows) {
        return Ranking.rank(rows.stream().sorted(Comparator.comparingLong(PracticeStore.ScoreRow::userId)).toList(),
                        PracticeStore.ScoreRow::score, Ranking.noTieBreak()).stream()
                .map(r -> new Ranked(r.rank(), r.entry().userId(), r.entry().score().setScale(2))).toList();
    }

    /** The board page by page as Leaderboards reads it from the database. */
    private List<Ranked> inDatabase(long programme, Period.Kind kind, String period, long board, int size) {
        List<Ranked> all = new ArrayList<>();
        for (long from = 0; ; from += size) {
            List<PracticeStore.Ranked> page = store.boardPage(programme, kind, period, board, from, size);
            if (page.isEmpty()) {
                return all;
            }
            page.forEach(r -> all.add(new Ranked(r.rank(), r.userId(), r.score())));
        }
    }
}
