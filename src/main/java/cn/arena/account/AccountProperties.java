package cn.arena.account;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account settings ({@code arena.account.*}).
 *
 * @param adminPassword the first admin's password ({@code ARENA_ADMIN_PASSWORD}); random and printed once when empty
 * @param maxFailedLogins failed logins that lock an account (等保 2.0)
 * @param lockDuration how long such a lock lasts
 * @param addressFailuresPerMinute failed logins one address may make per minute before it gets 429; high because a
 *        whole exam hall shares one NAT address
 * @param tokenLifetime how long an API token works
 * @param tokenCache how long a node trusts a token it has checked before asking the database again; a revocation
 *        made on another node reaches this one within that time
 */
@ConfigurationProperties("arena.account")
public record AccountProperties(
        @Nullable String adminPassword,
        int maxFailedLogins,
        Duration lockDuration,
        int addressFailuresPerMinute,
        Duration tokenLifetime,
        Duration tokenCache) {

    public AccountProperties {
        if (maxFailedLogins <= 0) maxFailedLogins = 5;
        if (lockDuration == null) lockDuration = Duration.ofMinutes(15);
        if (addressFailuresPerMinute <= 0) addressFailuresPerMinute = 100;
        if (tokenLifetime == null) tokenLifetime = Duration.ofHours(12);
        if (tokenCache == null) tokenCache = Duration.ofSeconds(60);
    }
}
