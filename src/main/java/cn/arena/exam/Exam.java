package cn.arena.exam;

import cn.arena.bank.MultipleChoiceScoring;
import cn.arena.paper.Assembly;
import cn.arena.paper.Blueprint;
import cn.arena.paper.Slot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An exam (考试): a blueprint over some banks, a window in which candidates may start, a duration, and how papers
 * vary. Created as DRAFT, it is PUBLISHED once (SHARED exams draw their one paper then); candidates enrolled on a
 * published exam may start an attempt while the window is open.
 */
record Exam(long id, String title, @Nullable Long ownerUnitId, List<Long> bankIds, Instant windowStart, Instant windowEnd,
        int durationMinutes, Variant variant, boolean shuffleQuestions, boolean shuffleOptions, Blueprint blueprint,
        MultipleChoiceScoring multipleChoiceScoring, @Nullable TieBreak tieBreak, long seed, Status status,
        @Nullable List<Slot> sharedSelection) {

    enum Variant { SHARED, PER_CANDIDATE }

    enum Status { DRAFT, PUBLISHED }

    enum TieBreak { LESS_TIME, EARLIER_SUBMIT }

    boolean published() {
        return status == Status.PUBLISHED;
    }

    /** True when a new attempt may start at {@code now}: window start inclusive, window end exclusive. */
    boolean isOpenAt(Instant now) {
        return !now.isBefore(windowStart) && now.isBefore(windowEnd);
    }

    Deadline deadlineFor(Instant start) {
        return Deadline.of(start, Duration.ofMinutes(durationMinutes), windowEnd);
    }

    /** Seed of a candidate's draw: the exam's own for a shared paper, the exam's and the candidate's otherwise. */
    long selectionSeed(long userId) {
        return variant == Variant.SHARED ? seed : Assembly.derive(seed, userId, 1);
    }

    /** Seed of a candidate's question and option order; always per candidate. */
    long arrangementSeed(long userId) {
        return Assembly.derive(seed, userId, 2);
    }

    ExamInfo info() {
        return new ExamInfo(id, title, ownerUnitId, windowStart, windowEnd, durationMinutes, multipleChoiceScoring,
                tieBreak == null ? null : tieBreak.name(), published(), blueprint.totalPoints());
    }
}
