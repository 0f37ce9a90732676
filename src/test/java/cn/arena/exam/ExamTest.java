package cn.arena.exam;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.bank.MultipleChoiceScoring;
import cn.arena.paper.Blueprint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExamTest {

    private final Instant start = Instant.parse("2026-11-23T09:00:00Z");
    private final Instant end = Instant.parse("2026-11-23T11:00:00Z");

    private Exam exam(Exam.Variant variant) {
        return new Exam(1, "初赛", null, List.of(1L), start, end, 90, variant, true, true, new Blueprint(List.of(), null),
                MultipleChoiceScoring.ALL_OR_NOTHING, null, 42, Exam.Status.PUBLISHED, null);
    }

    @Test
    void opensAtTheWindowStartAndClosesAtItsEnd() {
        Exam exam = exam(Exam.Variant.SHARED);
        assertThat(exam.isOpenAt(start.minusSeconds(1))).isFalse();
        assertThat(exam.isOpenAt(start)).isTrue();
        assertThat(exam.isOpenAt(end.minusSeconds(1))).isTrue();
        assertThat(exam.isOpenAt(end)).isFalse();
    }

    @Test
    void givesALateStarterOnlyWhatIsLeftOfTheWindow() {
        assertThat(exam(Exam.Variant.SHARED).deadlineFor(start.plusSeconds(3600)).at()).isEqualTo(end);
        assertThat(exam(Exam.Variant.SHARED).deadlineFor(start).at()).isEqualTo(start.plusSeconds(90 * 60));
    }

    @Test
    void drawsOnePaperForAllUnderSharedAndOnePerCandidateOtherwise() {
        Exam shared = exam(Exam.Variant.SHARED);
        assertThat(shared.selectionSeed(1)).isEqualTo(shared.selectionSeed(2));
        Exam perCandidate = exam(Exam.Variant.PER_CANDIDATE);
        assertThat(perCandidate.selectionSeed(1)).isNotEqualTo(perCandidate.selectionSeed(2));
        assertThat(shared.arrangementSeed(1)).isNotEqualTo(shared.arrangementSeed(2));
    }

    @Test
    void tellsOtherModulesItsFacts() {
        ExamInfo info = exam(Exam.Variant.SHARED).info();
        assertThat(info.published()).isTrue();
        assertThat(info.durationMinutes()).isEqualTo(90);
        assertThat(info.tieBreak()).isNull();
    }
}
