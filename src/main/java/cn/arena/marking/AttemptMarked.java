package cn.arena.marking;

import java.math.BigDecimal;

/**
 * Every item of an attempt has a mark, and this is its total. Published when the last item is marked, and again
 * whenever a grader changes a mark of a marked attempt (before release), with the new total.
 */
public record AttemptMarked(long attemptId, long examId, long userId, BigDecimal score) {}
