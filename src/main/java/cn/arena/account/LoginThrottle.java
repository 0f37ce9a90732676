package cn.arena.account;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without getting in the way of an exam hall. Per username: after
 * {@code maxFailedLogins} failures the account is locked for {@code lockDuration} (sessions and tokens already issued
 * keep working, so an exam under way is not broken). Per address: only failures count, and the allowance is large,
 * because hundreds of candidates behind one NAT address log in at once; past it the address gets 429 for a minute.
 * Every failure, lock and refusal is audited with its address.
 */
@Component
class LoginThrottle {

    private final UserStore users;
    private final AuditLog audit;
    private final AccountProperties properties;
    private final Clock clock;
    private final Map<String, Bucket> failuresByAddress = new ConcurrentHashMap<>();

    LoginThrottle(UserStore users, AuditLog audit, AccountProperties properties, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Seconds the address must wait, or 0 when it may try to log in. */
    long secondsToWaitFor(String address) {
        Bucket bucket = failuresByAddress.get(address);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return Math.max(1, Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()).toSeconds());
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        String address = address(event);
        if (address != null) {
            failuresByAddress.computeIfAbsent(address, a -> newAddressBucket()).tryConsume(1);
        }
        audit.record(username, "LOGIN_FAILED", username, null, AuditLog.Outcome.FAILURE);
        if (users.countFailure(username) >= properties.maxFailedLogins()) {
            users.lockUntil(username, clock.instant().plus(properties.lockDuration()));
            audit.record(username, "ACCOUNT_LOCKED", username, "for " + properties.lockDuration(), AuditLog.Outcome.FAILURE);
        }
    }

    @EventListener
    void onLocked(AuthenticationFailureLockedEvent event) {
        String username = event.getAuthentication().getName();
        audit.record(username, "LOGIN_REFUSED_LOCKED", username, null, AuditLog.Outcome.FAILURE);
    }

    @EventListener
    void onOtherFailure(AbstractAuthenticationFailureEvent event) {
        if (!(event instanceof AuthenticationFailureBadCredentialsEvent) && !(event instanceof AuthenticationFailureLockedEvent)) {
            String username = event.getAuthentication().getName();
            audit.record(username, "LOGIN_FAILED", username, event.getException().getClass().getSimpleName(), AuditLog.Outcome.FAILURE);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        users.clearFailures(event.getAuthentication().getName());
    }

    private Bucket newAddressBucket() {
        int perMinute = properties.addressFailuresPerMinute();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    private static @Nullable String address(AbstractAuthenticationFailureEvent event) {
        return event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : AuditLog.currentAddress();
    }
}
