package cn.arena.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ArenaClockTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant REAL_NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void startsAtTheConfiguredInstantAndRunsOnInRealTime() {
        Clock system = Clock.fixed(REAL_NOW, ZoneOffset.UTC);
        ArenaClock clock = ArenaClock.startingAt(Instant.parse("2026-03-28T00:00:00+08:00"), system, SHANGHAI);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-27T16:00:00Z"));
        assertThat(Clock.offset(clock, Duration.ofMinutes(5)).instant()).isEqualTo(Instant.parse("2026-03-27T16:05:00Z"));
    }

    @Test
    void withoutAStartItIsTheSystemClock() {
        ArenaClock clock = ArenaClock.startingAt(null, Clock.fixed(REAL_NOW, ZoneOffset.UTC), SHANGHAI);
        assertThat(clock.instant()).isEqualTo(REAL_NOW);
    }

    @Test
    void daysAreThoseOfShanghaiWhateverTheMachineZone() {
        ArenaClock clock = ArenaClock.startingAt(Instant.parse("2026-12-31T16:30:00Z"), Clock.systemUTC(), SHANGHAI);
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void shiftAndSetMoveItWithoutStoppingIt() {
        ArenaClock clock = ArenaClock.startingAt(null, Clock.fixed(REAL_NOW, ZoneOffset.UTC), SHANGHAI);
        clock.shift(Duration.ofDays(3));
        assertThat(clock.instant()).isEqualTo(REAL_NOW.plus(Duration.ofDays(3)));
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }
}
