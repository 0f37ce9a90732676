package cn.arena.exam;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Submits, with the answers saved so far, every attempt still open after its deadline and grace: a candidate who
 * closed the page still gets a submitted attempt. Safe on several nodes at once, since a submission happens once.
 */
@Component
class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);
    private static final int BATCH = 500;

    private final AttemptStore attempts;
    private final Submissions submissions;
    private final ExamProperties properties;
    private final Clock clock;

    OverdueSweep(AttemptStore attempts, Submissions submissions, ExamProperties properties, Clock clock) {
        this.attempts = attempts;
        this.submissions = submissions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${arena.exam.sweep-interval:5s}", initialDelayString = "${arena.exam.sweep-interval:5s}")
    void submitOverdue() {
        List<Long> due;
        do {
            due = attempts.openBefore(clock.instant().minus(properties.grace()), BATCH);
            for (long id : due) {
                try {
                    submissions.submit(id, Attempt.SubmittedBy.SERVER);
                } catch (RuntimeException e) {
                    log.warn("Could not submit overdue attempt {}; retrying on the next sweep", id, e);
                    return;
                }
            }
        } while (due.size() == BATCH);
    }
}
