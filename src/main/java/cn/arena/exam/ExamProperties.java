package cn.arena.exam;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Exam settings ({@code arena.exam.*}).
 *
 * @param grace how long after the deadline a save is still accepted (network latency), at most 10 s by the contract
 * @param sweepInterval how often the server looks for open attempts past their deadline and grace, to submit them
 */
@ConfigurationProperties("arena.exam")
record ExamProperties(@DefaultValue("10s") Duration grace, @DefaultValue("5s") Duration sweepInterval) {}
