package cn.arena.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.Api;
import cn.arena.support.ApiTest;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A Bearer token that cannot be checked for want of a database connection is a 503 to retry, not a 500. */
class BearerTokenWithoutDatabaseIT extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aTokenCheckThatGetsNoPoolConnectionAnswers503WithRetryAfter() throws Exception {
        HikariDataSource pool = (HikariDataSource) dataSource;
        long timeout = pool.getHikariConfigMXBean().getConnectionTimeout();
        List<Connection> held = new ArrayList<>();
        Api.Response response;
        try {
            pool.getHikariConfigMXBean().setConnectionTimeout(250);
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            // A token this node has not checked before: its check needs the database.
            response = Api.bearer(port, "never-issued-" + unique("token")).get("/api/v1/me");
        } finally {
            for (Connection c : held) {
                c.close();
            }
            pool.getHikariConfigMXBean().setConnectionTimeout(timeout);
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.json().get("detail").asString()).isEqualTo("服务器繁忙，未保存任何内容，请稍后重试");

        // With connections back, the same unknown token is what it is: 401.
        assertThat(Api.bearer(port, "never-issued-" + unique("token")).get("/api/v1/me").status()).isEqualTo(401);
    }
}
