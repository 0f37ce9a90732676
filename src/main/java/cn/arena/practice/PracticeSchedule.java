package cn.arena.practice;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import cn.arena.exam.AttemptSubmitted;
import cn.arena.exam.ExamDirectory;

/**
 * Runs the programmes' scheduled work (make sittings ahead, release closed ones, award titles) every half minute on
 * one node of several: the node that takes the lease row in {@code practice_job_lock} does it, the others skip. While
 * the run lasts, the holder renews the lease every {@link #RENEW}, so a long run (a sitting enrolling 40,000 members)
 * cannot lose it to another node; a node that dies stops renewing and its lease runs out after {@link #LEASE}. Even so,
 * "once" does not rest on the lease alone: every step is guarded by a key of the database (one exam per programme,
 * kind and period; one award per title period), so of two nodes that raced, one wins. The work catches up by itself
 * after downtime, since each run does whatever is due and not done. The lease is timed by the machine's clock, not
 * the application's: moving the arena clock (rehearsals, tests) must not strand it.
 */
@Component
class PracticeSchedule {

    static final String JOB = "practice.schedule";
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration RENEW = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(PracticeSchedule.class);

    private final PracticeStore store;
    private final Sittings sittings;
    private final ExamDirectory exams;
    private final Clock machine = Clock.systemUTC();
    /** pid@host, and a random part: two containers may both be pid 1 on hosts of the same name. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "practice-lease");
        t.setDaemon(true);
        return t;
    });
    /** Whether this node's run holds the lease; guarded by {@code this} so a last renewal cannot follow the release. */
    private boolean holding;

    PracticeSchedule(PracticeStore store, Sittings sittings, ExamDirectory exams) {
        this.store = store;
        this.sittings = sittings;
        this.exams = exams;
    }

    @Scheduled(fixedDelayString = "${arena.practice.schedule-interval:30s}", initialDelayString = "${arena.practice.schedule-delay:10s}")
    void run() {
        runOnce();
    }

    /** One run, if this node gets the lease; false when another node holds it. */
    boolean runOnce() {
        Instant now = machine.instant();
        if (!store.tryLease(JOB, node, now, now.plus(LEASE))) {
            return false;
        }
        synchronized (this) {
            holding = true;
        }
        ScheduledFuture<?> renewing = keepAlive.scheduleAtFixedRate(this::renew, RENEW.toMillis(), RENEW.toMillis(), TimeUnit.MILLISECONDS);
        try {
            sittings.catchUp();
        } finally {
            renewing.cancel(false);
            synchronized (this) {
                holding = false;
                store.endLease(JOB, node, machine.instant());
            }
        }
        return true;
    }

    private synchronized void renew() {
        if (!holding) {
            return;
        }
        try {
            Instant now = machine.instant();
            if (!store.renewLease(JOB, node, now, now.plus(LEASE))) {
                log.warn("Practice job: the lease ran out during a run (the database was out of reach for {}); the keys keep it once", LEASE);
            }
        } catch (RuntimeException e) {
            log.warn("Practice job: could not renew the lease; trying again in {}", RENEW, e);
        }
    }

    @PreDestroy
    void stop() {
        keepAlive.shutdownNow();
    }

    /** Taking part in a weekly practice or monthly contest counts for participation on the day it was submitted. */
    @ApplicationModuleListener
    void on(AttemptSubmitted event) {
        exams.submitted(event.attemptId()).ifPresent(a -> sittings.tookPart(a.examId(), a.userId(), a.submittedAt()));
    }
}
