package cn.arena.account;

import cn.arena.shared.Messages;
import cn.arena.shared.ProblemResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two doors. {@code /api/**}: HTTP Basic or a Bearer token for scripts, or the browser's session (then with a CSRF
 * header), never creating sessions itself; failures are problem details. Everything else: the login page, a
 * session cookie and CSRF tokens on forms. Both share the login throttle and a strict Content-Security-Policy.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, LoginThrottle throttle, Messages messages, AccountService accounts)
            throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) ->
                problem(response, HttpStatus.UNAUTHORIZED, messages.get("error.unauthenticated"),
                        request.getHeader("X-Requested-With") == null);
        AccessDeniedHandler denied = (request, response, e) ->
                problem(response, HttpStatus.FORBIDDEN, messages.get("error.forbidden"), false);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers(SecurityConfig::liveScreenRead).permitAll().anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new BearerTokenFilter(tokens, entryPoint, messages), BasicAuthenticationFilter.class)
                .addFilterBefore(new AddressFloodFilter(throttle, messages), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(accounts, tokens, messages), AuthorizationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // Scripts authenticate every request themselves; only calls riding on a browser session need CSRF.
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(r -> !SAFE_METHODS.contains(r.getMethod()) && r.getHeader("Authorization") == null))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle, Messages messages, AuditLog audit, AccountService accounts,
            ApiTokens tokens) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/live/*/screen").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((request, response, auth) -> {
                            audit.record(auth.getName(), "LOGIN", auth.getName(), "form", AuditLog.Outcome.SUCCESS);
                            // A handed-out password must be changed at the first sign-in (PasswordChangeGate): go there first.
                            response.sendRedirect(request.getContextPath()
                                    + (accounts.hasInitialPassword(auth.getName()) ? PasswordChangeGate.CHANGE_PAGE : "/"));
                        })
                        .failureUrl("/login?error"))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new AddressFloodFilter(throttle, messages), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(accounts, tokens, messages), AuthorizationFilter.class)
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** The big screen reads a live final with its screen key and no login; the live module checks the key. */
    private static final java.util.regex.Pattern LIVE_READ = java.util.regex.Pattern.compile("/api/v1/stages/\\d+/live(/events|/stream)?");

    static boolean liveScreenRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && request.getParameter("key") != null
                && LIVE_READ.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    static void problem(HttpServletResponse response, HttpStatus status, String detail, boolean basicChallenge) throws IOException {
        if (basicChallenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Arena\", charset=\"UTF-8\"");
        }
        ProblemResponse.write(response, status, detail);
    }

    /** Answers 429 with Retry-After to an address that has failed too many logins in the last minute. */
    static final class AddressFloodFilter extends OncePerRequestFilter {

        private final LoginThrottle throttle;
        private final Messages messages;

        AddressFloodFilter(LoginThrottle throttle, Messages messages) {
            this.throttle = throttle;
            this.messages = messages;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String auth = request.getHeader("Authorization");
            boolean basic = auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6);
            boolean formLogin = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
            return !basic && !formLogin;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, IOException {
            long wait = throttle.secondsToWaitFor(request.getRemoteAddr());
            if (wait > 0) {
                response.setHeader("Retry-After", Long.toString(wait));
                problem(response, HttpStatus.TOO_MANY_REQUESTS, messages.get("error.tooManyLogins", wait), false);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
