package cn.arena.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for scripts, phones and load (as Moodle's web-service tokens). Only a SHA-256 of each token is
 * stored. Checking one costs a lookup, not a password hash; a node remembers a checked token for
 * {@code arena.account.token-cache} (60 s by default: longer than the ~30 s between a candidate's saves, so the
 * exam-day path hits the cache), so a revocation made on another node takes effect here within that time.
 */
@Component
class ApiTokens {

    record Issued(String token, Instant expiresAt) {}

    private record Cached(CurrentUser user, Instant expiresAt, long checkedAt) {}

    /** At most this many remembered tokens; past it Caffeine drops the ones least likely to be used again. */
    static final int CACHE_LIMIT = 200_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final AuditLog audit;
    private final AccountProperties properties;
    private final Clock clock;
    /**
     * Checked tokens by hash. An entry outlives its freshness ({@link #fresh}) so that re-checking a remembered token
     * costs one query; it goes when the token could no longer be valid. Caffeine reads the app's clock.
     */
    private final Cache<String, Cached> cache;

    ApiTokens(JdbcClient jdbc, AccountService accounts, AuditLog audit, AccountProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(CACHE_LIMIT).expireAfterWrite(properties.tokenLifetime())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /**
     * Issues a token to the user just authenticated, audited in the same transaction (one commit per login, which
     * matters when thousands of candidates arrive at once). The token is remembered at once: the first request made
     * with it, usually the start of an attempt, needs no lookup.
     */
    @Transactional
    Issued issue(CurrentUser user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenLifetime());
        String hash = hash(token);
        jdbc.sql("insert into account_token (token_hash, user_id, expires_at, created_at) values (:h, :u, :e, :c)")
                .param("h", hash).param("u", user.id()).param("e", UserStore.utc(expiresAt)).param("c", UserStore.utc(now))
                .update();
        audit.record(user.username(), "TOKEN_ISSUED", user.username(), null, AuditLog.Outcome.SUCCESS);
        user.eraseCredentials();
        cache.put(hash, new Cached(user, expiresAt, now.toEpochMilli()));
        return new Issued(token, expiresAt);
    }

    Optional<CurrentUser> check(String token) {
        String hash = hash(token);
        Instant now = clock.instant();
        Cached cached = cache.getIfPresent(hash);
        if (cached != null && fresh(cached, now)) {
            return Optional.of(cached.user());
        }
        Optional<Map.Entry<String, Instant>> row = jdbc.sql("""
                select u.username, t.expires_at from account_token t join account_user u on u.id = t.user_id
                where t.token_hash = :h and u.enabled = true""")
                .param("h", hash)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional()
                .filter(e -> e.getValue().isAfter(now));
        if (row.isEmpty()) {
            cache.invalidate(hash);
            return Optional.empty();
        }
        // Roles and the enabled flag change only with every token of the user deleted (AccountService), so a token
        // row that is still there vouches for a remembered user: re-checking it costs this one query.
        CurrentUser user = cached != null ? cached.user() : loadUser(row.get().getKey());
        cache.put(hash, new Cached(user, row.get().getValue(), now.toEpochMilli()));
        return Optional.of(user);
    }

    private CurrentUser loadUser(String username) {
        CurrentUser user = accounts.loadUserByUsername(username);
        user.eraseCredentials();
        return user;
    }

    private boolean fresh(Cached cached, Instant now) {
        return now.toEpochMilli() - cached.checkedAt() < properties.tokenCache().toMillis() && cached.expiresAt().isAfter(now);
    }

    /** Forgets every cached token of the user on this node (their rows are deleted by the caller). */
    void forgetUser(long userId) {
        cache.asMap().values().removeIf(c -> c.user().id() == userId);
    }

    void revoke(String token) {
        String hash = hash(token);
        cache.invalidate(hash);
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
