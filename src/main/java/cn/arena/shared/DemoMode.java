package cn.arena.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether demo data is loaded on first start: {@code ARENA_DEMO=true|false} when set, otherwise on for the embedded
 * database and off for PostgreSQL. Demo loaders run once: each checks that its data is not there yet.
 */
@Component
public class DemoMode {

    private final boolean on;

    DemoMode(@Value("${arena.demo:}") String demo, @Value("${spring.datasource.url:}") String url) {
        this.on = demo.isBlank() ? url.startsWith("jdbc:h2:") : Boolean.parseBoolean(demo.strip());
    }

    public boolean isOn() {
        return on;
    }
}
