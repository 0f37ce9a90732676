package cn.arena.account;

import cn.arena.shared.Messages;
import cn.arena.shared.ProblemResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the API; an unknown or expired token is a 401. A token that
 * cannot be checked because the database is out of reach is a 503 with Retry-After, as anywhere else on the API.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final Messages messages;

    BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint, Messages messages) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CurrentUser> user;
        try {
            user = tokens.check(header.substring(7).strip());
        } catch (DataAccessResourceFailureException | CannotCreateTransactionException unreachable) {
            // A filter is outside the API's controller advice: answer here what it answers for the same failure.
            ProblemResponse.unavailable(response, messages.get(request.getLocale(), "error.busy"));
            return;
        }
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown or expired token"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
