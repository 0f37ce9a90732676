package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DailyDrawTest {

    private static final List<Long> POOL = LongStream.rangeClosed(1, 40).boxed().toList();
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void theSameMemberAndDayDrawTheSameSet() {
        assertThat(DailyDraw.draw(POOL, Set.of(), 5, 7, 11, DAY)).isEqualTo(DailyDraw.draw(LongStream.rangeClosed(1, 40).map(i -> 41 - i).boxed().toList(), Set.of(), 5, 7, 11, DAY))
                .hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void anotherDayOrMemberDrawsAnotherSet() {
        List<Long> set = DailyDraw.draw(POOL, Set.of(), 5, 7, 11, DAY);
        assertThat(DailyDraw.draw(POOL, Set.of(), 5, 7, 11, DAY.plusDays(1))).isNotEqualTo(set);
        assertThat(DailyDraw.draw(POOL, Set.of(), 5, 7, 12, DAY)).isNotEqualTo(set);
    }

    @Test
    void questionsNotMetBeforeComeFirst() {
        Set<Long> met = Set.copyOf(LongStream.rangeClosed(1, 37).boxed().toList());
        List<Long> set = DailyDraw.draw(POOL, met, 5, 7, 11, DAY);
        assertThat(set.subList(0, 3)).containsExactlyInAnyOrder(38L, 39L, 40L);
        assertThat(set.subList(3, 5)).allMatch(met::contains);
    }

    @Test
    void aSmallPoolGivesAllItHas() {
        assertThat(DailyDraw.draw(List.of(1L, 2L), Set.of(1L), 5, 7, 11, DAY)).containsExactly(2L, 1L);
    }
}
