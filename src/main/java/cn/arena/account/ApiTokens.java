package cn.arena.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for scripts, phones and load (as Moodle's web-service tokens). Only a SHA-256 of each token is
 * stored. Checking one costs a lookup, not a password hash; a node remembers a checked token for a few seconds,
 * so a revocation reaches other nodes within {@link #CACHE_MILLIS}.
 */
@Component
class ApiTokens {

    record Issued(String token, Instant expiresAt) {}

    private record Cached(CurrentUser user, Instant expiresAt, long checkedAt) {}

    static final long CACHE_MILLIS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final AccountProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ApiTokens(JdbcClient jdbc, AccountService accounts, AccountProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    Issued issue(CurrentUser user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenLifetime());
        jdbc.sql("insert into account_token (token_hash, user_id, expires_at, created_at) values (:h, :u, :e, :c)")
                .param("h", hash(token)).param("u", user.id()).param("e", UserStore.utc(expiresAt)).param("c", UserStore.utc(now))
                .update();
        return new Issued(token, expiresAt);
    }

    Optional<CurrentUser> check(String token) {
        String hash = hash(token);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && now.toEpochMilli() - cached.checkedAt() < CACHE_MILLIS && cached.expiresAt().isAfter(now)) {
            return Optional.of(cached.user());
        }
        cache.remove(hash);
        Optional<Map.Entry<String, Instant>> row = jdbc.sql("""
                select u.username, t.expires_at from account_token t join account_user u on u.id = t.user_id
                where t.token_hash = :h and u.enabled = true""")
                .param("h", hash)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional()
                .filter(e -> e.getValue().isAfter(now));
        return row.map(e -> {
            CurrentUser user = accounts.loadUserByUsername(e.getKey());
            user.eraseCredentials();
            cache.put(hash, new Cached(user, e.getValue(), now.toEpochMilli()));
            return user;
        });
    }

    void revoke(String token) {
        String hash = hash(token);
        cache.remove(hash);
        jdbc.sql("delete from account_token where token_hash = :h").param("h", hash).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
