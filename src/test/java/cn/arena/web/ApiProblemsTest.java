package cn.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

class ApiProblemsTest {

    private final ApiProblems problems = new ApiProblems(messages());

    @Test
    void anExhaustedConnectionPoolIsAServiceUnavailableWithRetryAfterNotAServerError() {
        var response = problems.busy(new CannotCreateTransactionException("no connection",
                new CannotGetJdbcConnectionException("pool timeout")));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(response.getBody().getDetail()).isEqualTo("服务器繁忙");
    }

    @Test
    void aDatabaseConnectionLostUnderTheRequestIsAServiceUnavailableWithRetryAfter() {
        for (Exception lost : new Exception[] {
                new DataAccessResourceFailureException("FATAL: terminating connection due to administrator command"),
                new TransactionSystemException("Could not roll back JDBC transaction")}) {
            var response = problems.databaseGone(lost);
            assertThat(response.getStatusCode().value()).isEqualTo(503);
            assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("2");
            assertThat(response.getBody().getDetail()).isEqualTo("数据库连接中断");
        }
    }

    @Test
    void otherFailuresStayGenericServerErrors() {
        assertThat(problems.unexpected(new IllegalStateException("bug")).getStatus()).isEqualTo(500);
    }

    @Test
    void aClientGoneWhileItsAnswerIsWrittenIsNotAServerErrorAndGetsNoAnswer() {
        assertThat(problems.unexpected(new AsyncRequestNotUsableException("ServletOutputStream failed to flush: Broken pipe"))).isNull();
    }

    private static Messages messages() {
        StaticMessageSource source = new StaticMessageSource();
        source.addMessage("error.busy", Locale.getDefault(), "服务器繁忙");
        source.addMessage("error.databaseGone", Locale.getDefault(), "数据库连接中断");
        source.addMessage("error.internal", Locale.getDefault(), "内部错误");
        source.setUseCodeAsDefaultMessage(true);
        return new Messages(source);
    }
}
