package cn.arena.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends every session and API token of a user on the server, so that disabling an account or changing its roles
 * takes effect at once on every node (sessions live in PostgreSQL, not in a node's memory). Tokens cached by other
 * nodes lapse within {@link ApiTokens#CACHE_MILLIS}.
 */
@Component
class SessionTerminator {

    private final JdbcClient jdbc;

    SessionTerminator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void endAllOf(String username, long userId) {
        jdbc.sql("delete from spring_session where principal_name = :u").param("u", username).update();
        jdbc.sql("delete from account_token where user_id = :id").param("id", userId).update();
    }
}
