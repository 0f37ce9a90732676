package cn.arena.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private final Instant start = Instant.parse("2026-11-23T09:00:00Z");
    private final Duration grace = Duration.ofSeconds(10);

    @Test
    void endsAfterTheDurationWhenTheWindowIsLonger() {
        assertThat(Deadline.of(start, Duration.ofMinutes(90), Instant.parse("2026-11-23T17:00:00Z")).at())
                .isEqualTo(Instant.parse("2026-11-23T10:30:00Z"));
    }

    @Test
    void endsWithTheWindowForALateStarter() {
        assertThat(Deadline.of(start, Duration.ofMinutes(90), Instant.parse("2026-11-23T09:45:00Z")).at())
                .isEqualTo(Instant.parse("2026-11-23T09:45:00Z"));
    }

    @Test
    void acceptsAnswersUntilTheGraceRunsOut() {
        Deadline deadline = new Deadline(start);
        assertThat(deadline.acceptsAnswerAt(start.plusSeconds(1), grace)).isTrue();
        assertThat(deadline.acceptsAnswerAt(start.plusSeconds(10), grace)).isTrue();
        assertThat(deadline.acceptsAnswerAt(start.plusSeconds(11), grace)).isFalse();
    }

    @Test
    void isOverdueOnlyAfterTheGrace() {
        Deadline deadline = new Deadline(start);
        assertThat(deadline.isOverdueAt(start.plusSeconds(5), grace)).isFalse();
        assertThat(deadline.isOverdueAt(start.plusMillis(10_001), grace)).isTrue();
    }
}
