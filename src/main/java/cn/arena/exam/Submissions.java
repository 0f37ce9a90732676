package cn.arena.exam;

import cn.arena.account.AuditLog;
import cn.arena.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits attempts exactly once. The conditional update ({@code where status = 'OPEN'}) lets only the first of any
 * number of parallel submits through; that one publishes {@link AttemptSubmitted} in the same transaction (the event
 * publication registry keeps it across a crash). Everyone then reads back the one submission.
 */
@Component
class Submissions {

    private final AttemptStore attempts;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Submissions(AttemptStore attempts, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.attempts = attempts;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Attempt submit(long attemptId, Attempt.SubmittedBy by) {
        Instant now = clock.instant();
        if (attempts.submit(attemptId, now, by)) {
            Attempt attempt = attempts.find(attemptId).orElseThrow(Refusal::notFound);
            events.publishEvent(new AttemptSubmitted(attempt.id(), attempt.examId(), attempt.userId()));
            if (by == Attempt.SubmittedBy.SERVER) {
                audit.record("system", "attempt.submit", "attempt:" + attemptId, "by server at deadline", AuditLog.Outcome.SUCCESS);
            } else {
                audit.record("attempt.submit", "attempt:" + attemptId, null);
            }
        }
        return attempts.find(attemptId).orElseThrow(Refusal::notFound);
    }
}
