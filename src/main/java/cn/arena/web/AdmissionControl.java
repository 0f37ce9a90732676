package cn.arena.web;

import cn.arena.shared.Messages;
import cn.arena.shared.ProblemResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds how many requests the node works on at once. With virtual threads nothing else does: in a burst beyond
 * capacity every request would start, build a deep stack and wait for one of the pool's connections, and the heap
 * would fill with waiting requests (bench run 6: live heap from 0.27 to 1.5 GB within seconds, then full collections
 * that stopped the node for seconds). Requests past the bound wait here, where waiting is cheap, for at most
 * {@code arena.web.admission-wait}; a request still waiting then is answered 503 with Retry-After, having changed
 * nothing, which the candidate page's retry queue honours.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdmissionControl extends OncePerRequestFilter {

    /** Settings ({@code arena.web.*}): how many requests at once, and how long one may wait for its turn. */
    @ConfigurationProperties("arena.web")
    record Settings(@DefaultValue("200") int maxConcurrentRequests, @DefaultValue("10s") Duration admissionWait) {}

    private final Semaphore permits;
    private final Duration wait;
    private final Messages messages;

    AdmissionControl(Settings settings, Messages messages) {
        this.permits = new Semaphore(settings.maxConcurrentRequests(), true);
        this.wait = settings.admissionWait();
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            ProblemResponse.unavailable(response, messages.get(request.getLocale(), "error.busy"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    /** Static files and the health probe never touch the database; a load balancer's probe must not queue. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/") || path.startsWith("/webjars/")
                || path.startsWith("/actuator/health");
    }
}
