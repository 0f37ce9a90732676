package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PracticeCalendarTest {

    private final PracticeCalendar calendar = new PracticeCalendar(ZoneId.of("Asia/Shanghai"));

    @Test
    void weekKeysAreIsoWeeksIncludingWeek53AndAWeek1StartingInDecember() {
        assertThat(PracticeCalendar.weekKey(LocalDate.of(2026, 3, 2))).isEqualTo("2026-W10");
        assertThat(PracticeCalendar.weekKey(LocalDate.of(2026, 12, 28))).isEqualTo("2026-W53");
        assertThat(PracticeCalendar.weekKey(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
        assertThat(PracticeCalendar.weekKey(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
    }

    @Test
    void weekKeysParseBackToTheirMondayAndAWeekAYearDoesNotHaveIsRefused() {
        assertThat(PracticeCalendar.monday("2026-W53")).contains(LocalDate.of(2026, 12, 28));
        assertThat(PracticeCalendar.monday("2025-W01")).contains(LocalDate.of(2024, 12, 30));
        assertThat(PracticeCalendar.monday("2025-W53")).isEmpty();
        assertThat(PracticeCalendar.monday("2026-W00")).isEmpty();
        assertThat(PracticeCalendar.monday("2026-10")).isEmpty();
    }

    @Test
    void aWeekRunsFromMondayMidnightInShanghaiToTheNextMonday() {
        PracticeCalendar.Window w = calendar.week(LocalDate.of(2026, 3, 2));
        assertThat(w.start()).isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("2026-03-08T16:00:00Z"));
        assertThat(w.contains(Instant.parse("2026-03-08T15:59:59Z"))).isTrue();
        assertThat(w.contains(Instant.parse("2026-03-08T16:00:00Z"))).isFalse();
    }

    @Test
    void theWeeksOfAMonthAreThoseWhoseMondayFallsInIt() {
        assertThat(PracticeCalendar.mondaysOf(YearMonth.of(2026, 3)).stream().map(PracticeCalendar::weekKey))
                .containsExactly("2026-W10", "2026-W11", "2026-W12", "2026-W13", "2026-W14");
        // 2026-12-28 is a Monday: week 53 belongs to December, and 2027's January starts with week 1 on 2027-01-04.
        assertThat(PracticeCalendar.mondaysOf(YearMonth.of(2026, 12)).stream().map(PracticeCalendar::weekKey))
                .endsWith("2026-W53");
        assertThat(PracticeCalendar.mondaysOf(YearMonth.of(2027, 1)).get(0)).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void theContestRunsFromTheLastSaturdayToTheMondayAfter() {
        PracticeCalendar.Window march = calendar.contest(YearMonth.of(2026, 3));
        assertThat(march.start()).isEqualTo(Instant.parse("2026-03-27T16:00:00Z")); // Saturday 2026-03-28 00:00 +08
        assertThat(march.end()).isEqualTo(Instant.parse("2026-03-29T16:00:00Z")); // Monday 2026-03-30 00:00 +08
    }

    @Test
    void whenTheLastSaturdayIsThe31stTheContestRunsIntoTheNextMonth() {
        assertThat(PracticeCalendar.lastSaturday(YearMonth.of(2026, 10))).isEqualTo(LocalDate.of(2026, 10, 31));
        PracticeCalendar.Window october = calendar.contest(YearMonth.of(2026, 10));
        assertThat(october.start()).isEqualTo(Instant.parse("2026-10-30T16:00:00Z"));
        assertThat(october.end()).isEqualTo(Instant.parse("2026-11-01T16:00:00Z")); // Monday 2026-11-02 00:00 +08
    }

    @Test
    void dueSittingsAreThoseOpeningWithinTheLeadAndNotYetClosed() {
        Instant wednesday = Instant.parse("2026-03-04T02:00:00Z");
        var due = calendar.due(2026, wednesday, Duration.ofDays(7));
        assertThat(due).extracting(PracticeCalendar.Sitting::period).containsExactly("2026-W10", "2026-W11");
        Instant beforeContest = Instant.parse("2026-03-23T02:00:00Z");
        assertThat(calendar.due(2026, beforeContest, Duration.ofDays(7))).extracting(PracticeCalendar.Sitting::period)
                .containsExactly("2026-W13", "2026-W14", "2026-03");
    }

    @Test
    void aWeek1StartingInDecemberIsTheDecemberProgrammesAndTheNextYearStartsWithWeek2() {
        // Monday 2024-12-30 starts 2025-W01: its Monday falls in December, so the 2024 programme sits it.
        assertThat(PracticeCalendar.mondaysOf(YearMonth.of(2024, 12)).stream().map(PracticeCalendar::weekKey)).endsWith("2025-W01");
        assertThat(calendar.due(2024, Instant.parse("2024-12-29T02:00:00Z"), Duration.ofDays(7)))
                .extracting(PracticeCalendar.Sitting::period).containsExactly("2024-W52", "2025-W01", "2024-12");
        assertThat(calendar.due(2025, Instant.parse("2024-12-31T02:00:00Z"), Duration.ofDays(7)))
                .extracting(PracticeCalendar.Sitting::period).containsExactly("2025-W02");
    }

    @Test
    void aProgrammeYearHasNoSittingsOfAnotherYear() {
        assertThat(calendar.due(2026, Instant.parse("2025-12-30T02:00:00Z"), Duration.ofDays(7))).extracting(PracticeCalendar.Sitting::period)
                .containsExactly("2026-W02");
    }
}
