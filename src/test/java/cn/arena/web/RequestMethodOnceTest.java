package cn.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestMethodOnceTest {

    @Test
    void theDispatcherAsksTheMethodAsOftenAsItLikesAndTheWrappedRequestIsAskedOnce() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        MockHttpServletRequest wrapped = new MockHttpServletRequest("PUT", "/api/v1/attempts/1/answers/2") {
            @Override
            public String getMethod() {
                asked.incrementAndGet();
                return super.getMethod();
            }
        };
        AtomicInteger answeredPut = new AtomicInteger();

        new RequestMethodOnce().doFilter(wrapped, new MockHttpServletResponse(), (request, response) -> {
            for (int mapping = 0; mapping < 130; mapping++) {
                if ("PUT".equals(((HttpServletRequest) request).getMethod())) {
                    answeredPut.incrementAndGet();
                }
            }
        });

        assertThat(answeredPut).hasValue(130);
        assertThat(asked).hasValue(1);
    }
}
