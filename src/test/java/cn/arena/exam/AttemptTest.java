package cn.arena.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.arena.bank.QuestionType;
import cn.arena.paper.PaperItem;
import cn.arena.shared.Refusal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptTest {

    private final Instant deadline = Instant.parse("2026-11-23T10:30:00Z");
    private final Duration grace = Duration.ofSeconds(10);
    private final List<PaperItem> items = List.of(new PaperItem(7, QuestionType.TRUE_FALSE, BigDecimal.ONE, List.of()));

    private Attempt attempt(Attempt.Status status) {
        return new Attempt(1, 2, 3, deadline.minusSeconds(3600), new Deadline(deadline), status,
                status == Attempt.Status.SUBMITTED ? deadline.minusSeconds(60) : null, null, items);
    }

    @Test
    void acceptsAnswersWithinTheGrace() {
        assertThatNoException().isThrownBy(() -> attempt(Attempt.Status.OPEN).checkWritable(deadline.plusSeconds(1), grace));
    }

    @Test
    void refusesAnswerAfterDeadline() {
        assertThatThrownBy(() -> attempt(Attempt.Status.OPEN).checkWritable(deadline.plusSeconds(11), grace))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                    assertThat(r.messageKey()).isEqualTo("exam.attempt.deadlinePassed");
                });
    }

    @Test
    void refusesAnswerAfterSubmit() {
        assertThatThrownBy(() -> attempt(Attempt.Status.SUBMITTED).checkWritable(deadline.minusSeconds(30), grace))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("exam.attempt.submitted"));
    }

    @Test
    void namesAnItemThatDoesNotExist() {
        Attempt open = attempt(Attempt.Status.OPEN);
        assertThat(open.item(1).questionId()).isEqualTo(7);
        assertThatThrownBy(() -> open.item(2)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
            assertThat(r.violations().get(0).field()).isEqualTo("no");
        });
        assertThatThrownBy(() -> open.item(0)).isInstanceOf(Refusal.class);
    }
}
