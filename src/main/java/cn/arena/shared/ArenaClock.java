package cn.arena.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The one clock every rule reads ("now" for deadlines, windows, practice days, streaks). It runs in real time from a
 * start instant: the system clock's now by default, or {@code ARENA_CLOCK_START} for rehearsals, demos and acceptance
 * checks of day-, week- and month-bound rules. Its zone is {@code arena.zone} (Asia/Shanghai), so {@code LocalDate.now(clock)}
 * is the calendar day of the competition's province, whatever the machine's zone.
 *
 * <p>{@link #shift} moves it on (or back) at run time; integration tests use that to cross a deadline or a month end
 * without waiting. Production code never calls it.
 */
public final class ArenaClock extends Clock {

    private final Clock system;
    private final ZoneId zone;
    /** Shared by every zone view of this clock, so a shift moves them all. */
    private final AtomicReference<Duration> offset;

    private ArenaClock(Clock system, ZoneId zone, AtomicReference<Duration> offset) {
        this.system = system;
        this.zone = zone;
        this.offset = offset;
    }

    /** A clock that reads {@code start} now and runs on in real time; the system clock itself when start is null. */
    public static ArenaClock startingAt(@Nullable Instant start, Clock system, ZoneId zone) {
        return new ArenaClock(system, zone,
                new AtomicReference<>(start == null ? Duration.ZERO : Duration.between(system.instant(), start)));
    }

    /** Moves the clock by {@code by} (negative: back). */
    public void shift(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Sets the clock to read {@code instant} now and run on from there. */
    public void set(Instant instant) {
        offset.set(Duration.between(system.instant(), instant));
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same running clock seen in another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new ArenaClock(system, other, offset);
    }
}
