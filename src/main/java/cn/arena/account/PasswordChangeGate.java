package cn.arena.account;

import cn.arena.shared.Messages;
import cn.arena.shared.ProblemResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds whoever signed in with a handed-out password (a roll's or an admin's reset) at the password change until they
 * have chosen their own: a page is redirected to {@code /account?initial}, an API call is refused with 403 and the
 * problem type {@link #PROBLEM_TYPE}, on session, Basic and Bearer alike. Only what it takes to change the password,
 * sign in and out, and health stay open. The mark is read at sign-in ({@link CurrentUser#passwordChangeRequired});
 * a marked user is checked against the database on each request, so a change made on another node or in another
 * session frees them at once.
 */
class PasswordChangeGate extends OncePerRequestFilter {

    static final String PROBLEM_TYPE = "urn:arena:problem:password-change-required";
    static final String CHANGE_PAGE = "/account?initial";

    /** API calls a marked user may still make: the change itself, and taking or dropping a token (signing in and out). */
    private static final Set<String> OPEN_API = Set.of("PUT /api/v1/me/password", "POST /api/v1/auth/token", "DELETE /api/v1/auth/token");
    private static final Set<String> OPEN_PAGES = Set.of("/account", "/account/password", "/login", "/logout", "/error", "/favicon.ico");
    private static final String[] OPEN_PREFIXES = {"/webjars/", "/css/", "/js/", "/img/", "/actuator/health"};

    private final AccountService accounts;
    private final ApiTokens tokens;
    private final Messages messages;

    PasswordChangeGate(AccountService accounts, ApiTokens tokens, Messages messages) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth != null && auth.getPrincipal() instanceof CurrentUser user && user.passwordChangeRequired()) || open(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!accounts.hasInitialPassword(user.username())) {
            remember(accounts.loadUserByUsername(user.username()), request, response);
            chain.doFilter(request, response);
            return;
        }
        String path = path(request);
        if (path.startsWith("/api/")) {
            ProblemResponse.write(response, HttpStatus.FORBIDDEN, PROBLEM_TYPE, messages.get("account.password.changeRequired"));
        } else if (request.getHeader("HX-Request") != null) {
            // htmx would swap the change page into a fragment; it follows this header with a full page load instead.
            response.setHeader("HX-Redirect", request.getContextPath() + CHANGE_PAGE);
        } else {
            response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
        }
    }

    /** The password was changed (on another node, or in another session or request): carry the freed user from now on. */
    private void remember(CurrentUser freed, HttpServletRequest request, HttpServletResponse response) {
        freed.eraseCredentials();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(freed, null, freed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        tokens.forgetUser(freed.id());
        if (request.getHeader("Authorization") == null && request.getSession(false) != null) {
            new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        }
    }

    private static boolean open(HttpServletRequest request) {
        String path = path(request);
        if (path.startsWith("/api/")) {
            return OPEN_API.contains(request.getMethod() + " " + path);
        }
        if (OPEN_PAGES.contains(path)) {
            return true;
        }
        for (String prefix : OPEN_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
