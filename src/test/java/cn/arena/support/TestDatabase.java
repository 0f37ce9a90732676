package cn.arena.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Starts the test run from an empty schema, so a PostgreSQL database left by an earlier run holds nothing stale. */
@TestConfiguration(proxyBeanMethods = false)
class TestDatabase {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
