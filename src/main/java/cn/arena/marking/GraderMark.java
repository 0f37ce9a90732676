package cn.arena.marking;

import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A grader's mark for one item: points within 0..the item's maximum, in hundredths at most, and an optional comment. */
record GraderMark(@Nullable BigDecimal points, @Nullable String comment) {

    static final int MAX_COMMENT = 2000;

    /** Why this mark cannot stand for an item worth {@code maxPoints}; empty when it can. */
    List<Violation> check(BigDecimal maxPoints) {
        List<Violation> violations = new ArrayList<>();
        if (points == null) {
            violations.add(Violation.field("points", "marking.points.required"));
        } else if (points.signum() < 0 || points.compareTo(maxPoints) > 0) {
            violations.add(Violation.field("points", "marking.points.range", maxPoints.stripTrailingZeros().toPlainString()));
        } else if (points.stripTrailingZeros().scale() > 2) {
            violations.add(Violation.field("points", "marking.points.precision"));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            violations.add(Violation.field("comment", "marking.comment.tooLong", MAX_COMMENT));
        }
        return violations;
    }

    /** The comment as stored: trimmed, null when blank. */
    @Nullable String cleanComment() {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
