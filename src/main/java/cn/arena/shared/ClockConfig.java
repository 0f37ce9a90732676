package cn.arena.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes {@link ArenaClock} the application's only {@link Clock}. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    ArenaClock clock(@Value("${arena.clock-start:}") String start, @Value("${arena.zone:Asia/Shanghai}") ZoneId zone) {
        return ArenaClock.startingAt(start.isBlank() ? null : Instant.parse(start.strip()), Clock.systemUTC(), zone);
    }
}
