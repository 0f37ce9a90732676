package cn.arena.exam;

import cn.arena.bank.MultipleChoiceScoring;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An exam as other modules see it: its window, duration, scoring rule and whether candidates may sit it. */
public record ExamInfo(long id, String title, @Nullable Long ownerUnitId, Instant windowStart, Instant windowEnd,
        int durationMinutes, MultipleChoiceScoring multipleChoiceScoring, @Nullable String tieBreak, boolean published) {}
