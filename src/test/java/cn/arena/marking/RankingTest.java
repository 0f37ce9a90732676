package cn.arena.marking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.marking.Ranking.Entry;
import cn.arena.marking.Ranking.Ranked;
import cn.arena.marking.Ranking.TieBreak;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static final Instant T0 = Instant.parse("2021-06-18T06:00:00Z");

    private static Entry<String> entry(String who, String score, int minutesUsed, int submittedAfterMinutes) {
        return new Entry<>(who, new BigDecimal(score), Duration.ofMinutes(minutesUsed), T0.plus(Duration.ofMinutes(submittedAfterMinutes)));
    }

    private static List<String> order(List<Ranked<String>> ranked) {
        return ranked.stream().map(r -> r.entry().key()).toList();
    }

    private static List<Integer> ranks(List<Ranked<String>> ranked) {
        return ranked.stream().map(Ranked::rank).toList();
    }

    @Test
    void equalScoresShareARankAndTheNextRankSkips() {
        var ranked = new Ranking(TieBreak.NONE).rank(List.of(
                entry("张伟", "80", 50, 50), entry("王芳", "95", 60, 60), entry("李娜", "80.00", 40, 40), entry("刘洋", "70", 30, 30)));

        assertThat(order(ranked)).containsExactly("王芳", "李娜", "张伟", "刘洋");
        assertThat(ranks(ranked)).containsExactly(1, 2, 2, 4);
    }

    @Test
    void lessTimeUsedRanksHigherAmongEqualScores() {
        var ranked = new Ranking(TieBreak.LESS_TIME).rank(List.of(
                entry("张伟", "80", 50, 20), entry("王芳", "95", 60, 60), entry("李娜", "80", 40, 70), entry("刘洋", "70", 30, 30)));

        assertThat(order(ranked)).containsExactly("王芳", "李娜", "张伟", "刘洋");
        assertThat(ranks(ranked)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void lessTimeStillSharesARankWhenTheTimeIsEqualToo() {
        var ranked = new Ranking(TieBreak.LESS_TIME).rank(List.of(
                entry("张伟", "80", 45, 10), entry("李娜", "80", 45, 50), entry("刘洋", "60", 30, 30)));

        assertThat(ranks(ranked)).containsExactly(1, 1, 3);
    }

    @Test
    void earlierSubmissionRanksHigherAmongEqualScores() {
        var ranked = new Ranking(TieBreak.EARLIER_SUBMIT).rank(List.of(
                entry("张伟", "80", 30, 90), entry("李娜", "80", 80, 85), entry("王芳", "95", 60, 60)));

        assertThat(order(ranked)).containsExactly("王芳", "李娜", "张伟");
        assertThat(ranks(ranked)).containsExactly(1, 2, 3);
    }

    @Test
    void readsTheExamsTieBreakSettingAndDefaultsToSharedRanks() {
        assertThat(TieBreak.parse("LESS_TIME")).isEqualTo(TieBreak.LESS_TIME);
        assertThat(TieBreak.parse("earlier_submit")).isEqualTo(TieBreak.EARLIER_SUBMIT);
        assertThat(TieBreak.parse(null)).isEqualTo(TieBreak.NONE);
        assertThat(TieBreak.parse("")).isEqualTo(TieBreak.NONE);
    }
}
