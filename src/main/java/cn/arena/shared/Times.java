package cn.arena.shared;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How every page shows and reads a time: in {@code arena.zone} (the clock's zone, Asia/Shanghai), whatever the
 * browser's or the server's zone, in one format. Pages call it as {@code ${@times.shown(t)}} and label the zone with
 * the message {@code time.zone}; forms read {@code datetime-local} values with {@link #read}.
 */
@Component("times")
public class Times {

    public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    public static final DateTimeFormatter SHOWN_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ZoneId zone;

    public Times(Clock clock) {
        this.zone = clock.getZone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code 2026-12-01 09:00} in the zone; empty for null. */
    public String shown(@Nullable TemporalAccessor time) {
        return format(time, SHOWN);
    }

    /** {@code 2026-12-01 09:00:05} in the zone; empty for null. */
    public String shownSeconds(@Nullable TemporalAccessor time) {
        return format(time, SHOWN_SECONDS);
    }

    /** The value of a {@code datetime-local} input showing this instant in the zone. */
    public String input(@Nullable TemporalAccessor time) {
        return format(time, INPUT);
    }

    /** A {@code datetime-local} value ({@code 2026-12-01T09:00}) read as a time in the zone; null if blank or malformed. */
    public @Nullable Instant read(@Nullable String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private String format(@Nullable TemporalAccessor time, DateTimeFormatter formatter) {
        if (time == null) {
            return "";
        }
        TemporalAccessor zoned = time instanceof Instant instant ? instant.atZone(zone)
                : time instanceof java.time.OffsetDateTime offset ? offset.atZoneSameInstant(zone)
                : time instanceof java.time.ZonedDateTime zonedTime ? zonedTime.withZoneSameInstant(zone) : time;
        return formatter.format(zoned);
    }
}
