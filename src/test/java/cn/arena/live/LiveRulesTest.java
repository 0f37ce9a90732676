package cn.arena.live;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.TrimmedMean;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small round rules on their own: the relay chain, the risk order, the trimmed mean, recusal, the standings. */
class LiveRulesTest {

    private final RelayChain relay = new RelayChain(List.of(10, 20, 30));

    @Test
    void relayRightRightRightIsSixty() {
        assertThat(relay.total(List.of(true, true, true))).isEqualTo(60);
    }

    @Test
    void relayWrongRightRightIsZeroPlusTenPlusThirty() {
        assertThat(relay.total(List.of(false, true, true))).isEqualTo(40);
        assertThat(relay.worth(1, false)).isEqualTo(10);
        assertThat(relay.worth(2, true)).isEqualTo(30);
    }

    @Test
    void relayRightWrongRightIsTenPlusZeroPlusTwenty() {
        assertThat(relay.total(List.of(true, false, true))).isEqualTo(30);
        assertThat(relay.worth(2, false)).isEqualTo(20);
    }

    @Test
    void riskChooserIsTheLowestScoreThenTheLowerSeat() {
        var a = new RiskOrder.Candidate(1, 1, new BigDecimal("120"));
        var b = new RiskOrder.Candidate(2, 2, new BigDecimal("90"));
        var c = new RiskOrder.Candidate(3, 3, new BigDecimal("90"));
        assertThat(RiskOrder.next(List.of(c, a, b))).contains(2L);
        assertThat(RiskOrder.next(List.of(c, a))).contains(3L);
        assertThat(RiskOrder.next(List.of())).isEmpty();
    }

    @Test
    void essayDropsOneHighestAndOneLowestAndRoundsHalfUpToTwoDecimals() {
        TrimmedMean trim = new TrimmedMean(1, 2);
        assertThat(trim.orPlainMean(List.of(new BigDecimal("18"), new BigDecimal("15"), new BigDecimal("20"), new BigDecimal("16"),
                new BigDecimal("17")))).isEqualByComparingTo("17.00");
        // 12.345 exactly: half up gives 12.35 where half even would give 12.34
        assertThat(trim.orPlainMean(List.of(new BigDecimal("10"), new BigDecimal("12.34"), new BigDecimal("12.35"), new BigDecimal("20"))))
                .isEqualTo(new BigDecimal("12.35"));
        assertThat(trim.orPlainMean(List.of(new BigDecimal("15"), new BigDecimal("16"), new BigDecimal("16")))).isEqualByComparingTo("16");
        assertThat(trim.orPlainMean(List.of(new BigDecimal("10"), new BigDecimal("11"), new BigDecimal("11")))).isEqualTo(new BigDecimal("11.00"));
    }

    @Test
    void judgeIsRecusedForTheTeamsUnitItsInsideAndItsAncestorsBelowTheOwner() {
        long owner = 1, town = 2, office = 3, community = 4, otherTown = 5;
        List<Long> teamChain = List.of(office, town, owner);
        assertThat(Recusal.applies(List.of(office, town, owner), teamChain, owner)).as("same unit").isTrue();
        assertThat(Recusal.applies(List.of(community, office, town, owner), teamChain, owner)).as("inside it").isTrue();
        assertThat(Recusal.applies(List.of(town, owner), teamChain, owner)).as("ancestor below the owner").isTrue();
        assertThat(Recusal.applies(List.of(owner), teamChain, owner)).as("the owner's own judge").isFalse();
        assertThat(Recusal.applies(List.of(otherTown, owner), teamChain, owner)).as("another town").isFalse();
        assertThat(Recusal.applies(List.of(), teamChain, owner)).as("no unit").isFalse();
    }

    @Test
    void tiebreakPointsOrderTiedTeamsWithoutChangingTheirScores() {
        var ranked = FinalStandings.rank(List.of(
                new FinalStandings.Entry(1, new BigDecimal("150"), BigDecimal.ZERO),
                new FinalStandings.Entry(2, new BigDecimal("150"), BigDecimal.TEN),
                new FinalStandings.Entry(3, new BigDecimal("170"), BigDecimal.ZERO),
                new FinalStandings.Entry(4, new BigDecimal("120"), BigDecimal.ZERO),
                new FinalStandings.Entry(5, new BigDecimal("120"), BigDecimal.ZERO)));
        assertThat(ranked).extracting(FinalStandings.Ranked::teamId).containsExactly(3L, 2L, 1L, 4L, 5L);
        assertThat(ranked).extracting(FinalStandings.Ranked::rank).containsExactly(1, 2, 3, 4, 4);
        assertThat(ranked.get(1).score()).isEqualByComparingTo("150");
    }
}
