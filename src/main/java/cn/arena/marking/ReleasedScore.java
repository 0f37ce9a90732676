package cn.arena.marking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** A candidate's published score in an exam, as downstream modules (competition, report) read it. */
public record ReleasedScore(long userId, BigDecimal score, Instant submittedAt, Duration timeUsed) {}
