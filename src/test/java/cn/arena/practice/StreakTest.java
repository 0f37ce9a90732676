package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreakTest {

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void countsConsecutiveDaysUpToToday() {
        assertThat(Streak.of(List.of(d("2026-03-01"), d("2026-03-02"), d("2026-03-03")), d("2026-03-03")))
                .isEqualTo(new Streak(3, 3));
    }

    @Test
    void aDayNotYetStudiedDoesNotBreakTheRunUntilItIsOver() {
        assertThat(Streak.of(List.of(d("2026-03-01"), d("2026-03-02")), d("2026-03-03")).current()).isEqualTo(2);
        assertThat(Streak.of(List.of(d("2026-03-01"), d("2026-03-02")), d("2026-03-04")).current()).isZero();
    }

    @Test
    void runsCrossMonthAndYearEnds() {
        assertThat(Streak.of(List.of(d("2026-02-27"), d("2026-02-28"), d("2026-03-01")), d("2026-03-01")).current()).isEqualTo(3);
        assertThat(Streak.of(List.of(d("2026-12-30"), d("2026-12-31"), d("2027-01-01")), d("2027-01-01")).current()).isEqualTo(3);
    }

    @Test
    void theLongestRunOutlivesABreak() {
        Streak s = Streak.of(List.of(d("2026-03-01"), d("2026-03-02"), d("2026-03-03"), d("2026-03-05")), d("2026-03-05"));
        assertThat(s).isEqualTo(new Streak(1, 3));
    }

    @Test
    void noStudyNoStreak() {
        assertThat(Streak.of(List.of(), d("2026-03-05"))).isEqualTo(new Streak(0, 0));
    }
}
