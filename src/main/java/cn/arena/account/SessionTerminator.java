package cn.arena.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends every session and API token of a user on the server, so that disabling an account or changing its roles
 * takes effect at once on every node (sessions live in PostgreSQL, not in a node's memory). Tokens cached by other
 * nodes lapse within {@code arena.account.token-cache}.
 */
@Component
class SessionTerminator {

    private final JdbcClient jdbc;
    private final ApiTokens tokens;

    SessionTerminator(JdbcClient jdbc, @org.springframework.context.annotation.Lazy ApiTokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    void endAllOf(String username, long userId) {
        jdbc.sql("delete from spring_session where principal_name = :u").param("u", username).update();
        jdbc.sql("delete from account_token where user_id = :id").param("id", userId).update();
        tokens.forgetUser(userId);
    }
}
