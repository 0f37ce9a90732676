package cn.arena.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.ApiTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A node trusts a token it checked for the token-cache time, then asks the database again (here with its own clock). */
class ApiTokensIT extends ApiTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Autowired JdbcClient jdbc;
    @Autowired AccountService accounts;
    @Autowired AuditLog audit;

    private final HandClock clock = new HandClock();

    private ApiTokens tokens() {
        return new ApiTokens(jdbc, accounts, audit,
                new AccountProperties(null, 5, Duration.ofMinutes(15), 100, Duration.ofHours(12), Duration.ofSeconds(60)), clock);
    }

    @Test
    void aRememberedTokenIsCheckedAgainAfterTheCacheTimeAndKeepsWorkingWhileItsRowExists() {
        ApiTokens tokens = tokens();
        String username = user("CANDIDATE");
        String token = tokens.issue(accounts.loadUserByUsername(username)).token();

        clock.advance(Duration.ofSeconds(61));
        assertThat(tokens.check(token)).hasValueSatisfying(u -> assertThat(u.username()).isEqualTo(username));
        clock.advance(Duration.ofSeconds(61));
        assertThat(tokens.check(token)).hasValueSatisfying(u -> assertThat(u.getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_CANDIDATE"));
    }

    @Test
    void aTokenRevokedOnAnotherNodeStopsWorkingHereOnceTheCacheTimeIsOver() {
        ApiTokens tokens = tokens();
        String token = tokens.issue(accounts.loadUserByUsername(user("CANDIDATE"))).token();
        assertThat(tokens.check(token)).isPresent();

        // Another node revokes it: only the row goes; this node still remembers the token.
        jdbc.sql("delete from account_token where token_hash = :h").param("h", ApiTokens.hash(token)).update();
        assertThat(tokens.check(token)).as("within the cache time").isPresent();

        clock.advance(Duration.ofSeconds(61));
        assertThat(tokens.check(token)).isEmpty();
    }

    @Test
    void aDisabledUsersTokenStopsWorkingOnceTheCacheTimeIsOver() {
        ApiTokens tokens = tokens();
        String username = user("CANDIDATE");
        String token = tokens.issue(accounts.loadUserByUsername(username)).token();

        jdbc.sql("update account_user set enabled = false where username = :u").param("u", username).update();
        clock.advance(Duration.ofSeconds(61));

        assertThat(tokens.check(token)).isEmpty();
    }
}
