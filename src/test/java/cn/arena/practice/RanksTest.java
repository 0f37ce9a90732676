package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RanksTest {

    record Entry(String name, BigDecimal score) {}

    @Test
    void equalScoresShareARankAndTheNextRankSkips() {
        var ranked = Ranks.byScore(List.of(new Entry("甲", new BigDecimal("80")), new Entry("乙", new BigDecimal("95")),
                new Entry("丙", new BigDecimal("80.00")), new Entry("丁", new BigDecimal("60"))), Entry::score);
        assertThat(ranked).extracting(Ranks.Ranked::rank).containsExactly(1, 2, 2, 4);
        assertThat(ranked).extracting(r -> r.entry().name()).containsExactly("乙", "甲", "丙", "丁");
    }

    @Test
    void nothingToRankGivesNoRows() {
        assertThat(Ranks.byScore(List.<Entry>of(), Entry::score)).isEmpty();
    }
}
