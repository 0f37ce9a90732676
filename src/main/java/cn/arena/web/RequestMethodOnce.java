package cn.arena.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the dispatcher a request whose HTTP method is read once. Finding the handler of a path with variables (every
 * answer save: /api/v1/attempts/{id}/answers/{no}) tests the method of each of the application's ~130 mappings, and
 * each test walked the whole stack of request wrappers the filters put around the request: 5 % of the node's CPU on the
 * save path in bench run 6's profile.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestMethodOnce extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return method;
            }
        }, response);
    }
}
