package cn.arena.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrimmedMeanTest {

    private final TrimmedMean dropOneEach = new TrimmedMean(1, 2);

    @Test
    void tooFewScoresToDropGiveNoTrimmedMeanButThePlainMeanWhereAPanelMustScore() {
        List<BigDecimal> two = List.of(new BigDecimal("17"), new BigDecimal("18"));
        assertThat(dropOneEach.of(two)).isEmpty();
        assertThat(dropOneEach.orPlainMean(two)).isEqualTo(new BigDecimal("17.50"));
        assertThat(dropOneEach.orPlainMean(List.of())).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void withEnoughScoresBothDropTheHighestAndTheLowest() {
        List<BigDecimal> three = List.of(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("90"));
        assertThat(dropOneEach.of(three)).contains(new BigDecimal("20.00"));
        assertThat(dropOneEach.orPlainMean(three)).isEqualTo(new BigDecimal("20.00"));
    }

    @Test
    void aNegativeTrimOrScaleIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TrimmedMean(-1, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> new TrimmedMean(1, -2));
    }
}
