package cn.arena.marking;

import cn.arena.bank.QuestionKind;
import cn.arena.marking.MarkedAttempts.AttemptRow;
import cn.arena.marking.MarkedAttempts.ItemRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Totals an attempt after each mark; once no item waits for a grader it is MARKED and {@link AttemptMarked} published. */
@Component
class Settlement {

    private final MarkedAttempts attempts;
    private final ApplicationEventPublisher events;

    Settlement(MarkedAttempts attempts, ApplicationEventPublisher events) {
        this.attempts = attempts;
        this.events = events;
    }

    /** Returns the objective score so far. */
    BigDecimal settleIfComplete(long attemptId, Instant now) {
        AttemptRow attempt = attempts.attempt(attemptId).orElseThrow();
        List<ItemRow> items = attempts.items(attemptId);
        BigDecimal objective = items.stream().filter(i -> !i.needsGrader() && i.earned() != null).map(ItemRow::earned)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (items.stream().anyMatch(i -> i.earned() == null)) {
            attempts.setObjectiveScore(attemptId, objective);
            return objective;
        }
        BigDecimal score = items.stream().map(ItemRow::earned).reduce(BigDecimal.ZERO, BigDecimal::add);
        attempts.settle(attemptId, score, objective, now);
        events.publishEvent(new AttemptMarked(attemptId, attempt.examId(), attempt.userId(), QuestionKind.score(score)));
        return objective;
    }
}
