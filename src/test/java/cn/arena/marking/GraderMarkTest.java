package cn.arena.marking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Violation;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class GraderMarkTest {

    private static final BigDecimal TEN = new BigDecimal("10.00");

    @Test
    void acceptsPointsFromZeroToTheItemsMaximum() {
        assertThat(new GraderMark(BigDecimal.ZERO, null).check(TEN)).isEmpty();
        assertThat(new GraderMark(new BigDecimal("7.5"), "要点基本齐全").check(TEN)).isEmpty();
        assertThat(new GraderMark(new BigDecimal("10"), null).check(TEN)).isEmpty();
    }

    @Test
    void refusesNegativePointsOnTheFieldPoints() {
        assertThat(new GraderMark(new BigDecimal("-1"), null).check(TEN)).extracting(Violation::field, Violation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("points", "marking.points.range"));
    }

    @Test
    void refusesMoreThanTheMaximum() {
        assertThat(new GraderMark(new BigDecimal("10.01"), null).check(TEN)).extracting(Violation::field).containsExactly("points");
    }

    @Test
    void refusesMissingPointsAndFinerThanHundredths() {
        assertThat(new GraderMark(null, null).check(TEN)).extracting(Violation::messageKey).containsExactly("marking.points.required");
        assertThat(new GraderMark(new BigDecimal("3.333"), null).check(TEN)).extracting(Violation::messageKey)
                .containsExactly("marking.points.precision");
    }

    @Test
    void refusesAnOverlongComment() {
        assertThat(new GraderMark(BigDecimal.ONE, "评".repeat(2001)).check(TEN)).extracting(Violation::field).containsExactly("comment");
    }
}
