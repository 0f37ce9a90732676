package cn.arena.exam;

import cn.arena.bank.MultipleChoiceScoring;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An exam as other modules see it: its window, duration, scoring rule, whether candidates may sit it, and its paper's
 * total points (the full marks a competition weighs a score against).
 */
public record ExamInfo(long id, String title, @Nullable Long ownerUnitId, Instant windowStart, Instant windowEnd,
        int durationMinutes, MultipleChoiceScoring multipleChoiceScoring, @Nullable String tieBreak, boolean published,
        BigDecimal totalPoints) {}
