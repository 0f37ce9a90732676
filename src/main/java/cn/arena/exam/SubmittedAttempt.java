package cn.arena.exam;

import java.time.Instant;
import java.util.List;

/** A submitted attempt with every item and its final response: what marking marks. */
public record SubmittedAttempt(long attemptId, long examId, long userId, Instant startedAt, Instant submittedAt, List<AttemptItem> items) {}
