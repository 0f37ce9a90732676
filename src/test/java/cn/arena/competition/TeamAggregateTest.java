package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamAggregateTest {

    @Test
    void sumsTheMembersScores() {
        assertThat(TeamAggregate.SUM.of(scores("80", "75.5", "90", "60", "88"))).isEqualByComparingTo("393.5");
    }

    @Test
    void anAbsentMemberCountsZero() {
        assertThat(TeamAggregate.SUM.of(Arrays.asList(new BigDecimal("80"), null, new BigDecimal("70")))).isEqualByComparingTo("150");
    }

    @Test
    void averagesOverAllMembersIncludingTheAbsent() {
        var average = new TeamAggregate(TeamAggregate.Function.AVERAGE, null);
        assertThat(average.of(Arrays.asList(new BigDecimal("80"), null, new BigDecimal("70")))).isEqualByComparingTo("50");
    }

    @Test
    void bestSumsOnlyTheBestMembers() {
        var best3 = new TeamAggregate(TeamAggregate.Function.BEST, 3);
        assertThat(best3.of(scores("50", "90", "70", "80", "60"))).isEqualByComparingTo("240");
    }

    @Test
    void bestNeedsACount() {
        assertThatThrownBy(() -> new TeamAggregate(TeamAggregate.Function.BEST, null)).isInstanceOf(IllegalArgumentException.class);
    }

    static List<BigDecimal> scores(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
