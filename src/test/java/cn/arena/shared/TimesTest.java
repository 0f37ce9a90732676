package cn.arena.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimesTest {

    private final Times times = new Times(ArenaClock.startingAt(null, Clock.systemUTC(), ZoneId.of("Asia/Shanghai")));

    @Test
    void showsEveryTimeInShanghaiWhateverItsOwnOffset() {
        assertThat(times.shown(Instant.parse("2026-12-01T01:00:00Z"))).isEqualTo("2026-12-01 09:00");
        assertThat(times.shown(OffsetDateTime.parse("2026-12-01T09:00:00-05:00"))).isEqualTo("2026-12-01 22:00");
        assertThat(times.shownSeconds(Instant.parse("2026-12-01T01:00:05Z"))).isEqualTo("2026-12-01 09:00:05");
        assertThat(times.shown(null)).isEmpty();
    }

    @Test
    void readsAFormsLocalTimeAsShanghaiTime() {
        assertThat(times.read("2026-12-01T09:00")).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
        assertThat(times.input(Instant.parse("2026-12-01T01:00:00Z"))).isEqualTo("2026-12-01T09:00");
        assertThat(times.read("")).isNull();
        assertThat(times.read("tomorrow")).isNull();
    }
}
