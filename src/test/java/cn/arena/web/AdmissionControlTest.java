package cn.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Messages;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdmissionControlTest {

    private final AdmissionControl admission = new AdmissionControl(new AdmissionControl.Settings(1, Duration.ofMillis(100)), messages());

    private static Messages messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Messages(source);
    }

    private static MockHttpServletRequest request(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", uri);
        request.addPreferredLocale(Locale.ENGLISH);
        return request;
    }

    /** Something that gives the permit back and returns once it is given back. */
    interface Release {
        void now() throws InterruptedException;
    }

    /** Takes the one permit in another thread and keeps it until released. */
    private Release holdThePermit() throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                admission.doFilter(request("/api/v1/attempts/1/answers/1"), new MockHttpServletResponse(), (req, res) -> {
                    inside.countDown();
                    await(leave);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        return () -> {
            leave.countDown();
            holder.join(5_000);
        };
    }

    @Test
    void aRequestBeyondTheBoundWaitsItsTurnThenIsRefusedWith503AndRetryAfter() throws Exception {
        Release release = holdThePermit();

        AtomicInteger reached = new AtomicInteger();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        admission.doFilter(request("/api/v1/attempts/2/answers/1"), refused, (req, res) -> reached.incrementAndGet());

        assertThat(reached).hasValue(0);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("The server is busy and saved nothing");

        release.now();
        MockHttpServletResponse admitted = new MockHttpServletResponse();
        admission.doFilter(request("/api/v1/attempts/2/answers/1"), admitted, (req, res) -> reached.incrementAndGet());
        assertThat(reached).hasValue(1);
        assertThat(admitted.getStatus()).isEqualTo(200);
    }

    @Test
    void theHealthProbeAndStaticFilesAreNeverQueued() throws Exception {
        Release release = holdThePermit();

        AtomicInteger reached = new AtomicInteger();
        admission.doFilter(request("/actuator/health"), new MockHttpServletResponse(), (req, res) -> reached.incrementAndGet());
        admission.doFilter(request("/css/arena.css"), new MockHttpServletResponse(), (req, res) -> reached.incrementAndGet());

        assertThat(reached).hasValue(2);
        release.now();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
