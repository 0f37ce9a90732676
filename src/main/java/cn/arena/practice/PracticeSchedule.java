package cn.arena.practice;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import cn.arena.exam.AttemptSubmitted;
import cn.arena.exam.ExamDirectory;

/**
 * Runs the programmes' scheduled work (make sittings ahead, release closed ones, award titles) every half minute on
 * one node of several: the node that takes the lease row in {@code practice_job_lock} does it, the others skip. The
 * work catches up by itself after downtime, since each run does whatever is due and not done. The lease is timed by
 * the machine's clock, not the application's: moving the arena clock (rehearsals, tests) must not strand it.
 */
@Component
class PracticeSchedule {

    static final String JOB = "practice.schedule";
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final PracticeStore store;
    private final Sittings sittings;
    private final ExamDirectory exams;
    private final Clock machine = Clock.systemUTC();
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

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
        try {
            sittings.catchUp();
        } finally {
            store.endLease(JOB, node, machine.instant());
        }
        return true;
    }

    /** Taking part in a weekly practice or monthly contest counts for participation on the day it was submitted. */
    @ApplicationModuleListener
    void on(AttemptSubmitted event) {
        exams.submitted(event.attemptId()).ifPresent(a -> sittings.tookPart(a.examId(), a.userId(), a.submittedAt()));
    }
}
