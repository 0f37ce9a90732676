package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parsesWeeksMonthsAndYearsWithTheirDays() {
        assertThat(Period.parse(Period.Kind.WEEK, "2026-W53")).get()
                .satisfies(p -> assertThat(p.first()).isEqualTo(LocalDate.of(2026, 12, 28)))
                .satisfies(p -> assertThat(p.last()).isEqualTo(LocalDate.of(2027, 1, 3)));
        assertThat(Period.parse(Period.Kind.MONTH, "2026-02")).get().satisfies(p -> assertThat(p.days()).isEqualTo(28));
        assertThat(Period.parse(Period.Kind.YEAR, "2028")).get().satisfies(p -> assertThat(p.days()).isEqualTo(366));
    }

    @Test
    void aYearsBoardsAreTheWeeksWhoseMondayIsInItItsMonthsAndItself() {
        // 2026: 1 January is a Thursday, so its first Monday (5 January) begins W02; W01 (from 29 December 2025) is the
        // year before's. 28 December 2026 begins W53.
        assertThat(Period.ofYear(2026)).extracting(Period::key).hasSize(52 + 12 + 1)
                .startsWith("2026-W02").contains("2026-W53", "2026-01", "2026-12").doesNotContain("2026-W01").endsWith("2026");
    }

    @Test
    void refusesKeysThatAreNotPeriodsOfTheirKind() {
        assertThat(Period.parse(Period.Kind.MONTH, "2026-13")).isEmpty();
        assertThat(Period.parse(Period.Kind.MONTH, "2026-W10")).isEmpty();
        assertThat(Period.parse(Period.Kind.YEAR, "26")).isEmpty();
        assertThat(Period.parse(Period.Kind.WEEK, "2026-03")).isEmpty();
    }

    @Test
    void isOverOnlyAfterItsLastDay() {
        Period march = Period.parse(Period.Kind.MONTH, "2026-03").orElseThrow();
        assertThat(march.isOver(LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(march.isOver(LocalDate.of(2026, 4, 1))).isTrue();
    }
}
