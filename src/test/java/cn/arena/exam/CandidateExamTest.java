package cn.arena.exam;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.bank.MultipleChoiceScoring;
import cn.arena.paper.Blueprint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CandidateExamTest {

    private static final Instant START = Instant.parse("2026-12-10T01:00:00Z");
    private static final Instant END = Instant.parse("2026-12-10T10:00:00Z");

    @Test
    void beforeTheWindowItIsUpcomingWithNothingDue() {
        CandidateExam e = CandidateExam.of(exam(), Optional.empty(), START.minusSeconds(1));
        assertThat(e.state()).isEqualTo(CandidateExam.State.UPCOMING);
        assertThat(e.dueBy()).isNull();
        assertThat(e.actionable()).isFalse();
    }

    @Test
    void inTheWindowItIsOpenAndDueByTheWindowsEnd() {
        CandidateExam e = CandidateExam.of(exam(), Optional.empty(), START.plusSeconds(60));
        assertThat(e.state()).isEqualTo(CandidateExam.State.OPEN);
        assertThat(e.dueBy()).isEqualTo(END);
        assertThat(e.actionable()).isTrue();
    }

    @Test
    void startedItIsInProgressAndDueByTheAttemptsOwnDeadline() {
        Instant deadline = START.plusSeconds(3600);
        CandidateExam e = CandidateExam.of(exam(), Optional.of(attempt(deadline, Attempt.Status.OPEN)), START.plusSeconds(60));
        assertThat(e.state()).isEqualTo(CandidateExam.State.IN_PROGRESS);
        assertThat(e.dueBy()).isEqualTo(deadline);
        assertThat(e.attemptId()).isEqualTo(7L);
    }

    @Test
    void submittedOrMissedItAsksNothingMore() {
        assertThat(CandidateExam.of(exam(), Optional.of(attempt(START.plusSeconds(3600), Attempt.Status.SUBMITTED)), END).state())
                .isEqualTo(CandidateExam.State.SUBMITTED);
        CandidateExam missed = CandidateExam.of(exam(), Optional.empty(), END.plusSeconds(1));
        assertThat(missed.state()).isEqualTo(CandidateExam.State.CLOSED);
        assertThat(missed.actionable()).isFalse();
    }

    private static Exam exam() {
        return new Exam(1, "业务测验", null, List.of(1L), START, END, 60, Exam.Variant.SHARED, true, true, new Blueprint(List.of(), null),
                MultipleChoiceScoring.ALL_OR_NOTHING, null, 42, Exam.Status.PUBLISHED, null);
    }

    private static Attempt attempt(Instant deadline, Attempt.Status status) {
        return new Attempt(7, 1, 3, START.plusSeconds(30), new Deadline(deadline), status,
                status == Attempt.Status.SUBMITTED ? START.plusSeconds(1800) : null, null, List.of());
    }
}
