package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TitleTest {

    private static final Period MARCH = Period.parse(Period.Kind.MONTH, "2026-03").orElseThrow();

    @Test
    void aTitleIsDueOnlyOnceItsPeriodIsOver() {
        assertThat(Title.due(MARCH, LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(Title.due(MARCH, LocalDate.of(2026, 4, 1))).isTrue();
    }

    @Test
    void theDailyStarGoesToMembersWithEnoughStudiedDays() {
        Rules every = Rules.DEFAULTS;
        Rules three = new Rules(new Rules.Daily(5, 3), every.weekly(), every.monthly(), every.annualTop());
        Map<Long, Integer> days = Map.of(1L, 31, 2L, 30, 3L, 3, 4L, 2);
        assertThat(Title.dailyStars(days, MARCH, every)).containsExactly(1L);
        assertThat(Title.dailyStars(days, MARCH, three)).containsExactly(1L, 2L, 3L);
    }

    record Score(long userId, BigDecimal score) {}

    @Test
    void withinTheTopCountsEveryoneSharingTheLastRank() {
        List<Score> scores = List.of(new Score(1, BigDecimal.valueOf(90)), new Score(2, BigDecimal.valueOf(80)),
                new Score(3, BigDecimal.valueOf(80)), new Score(4, BigDecimal.valueOf(70)));
        assertThat(Title.withinTop(scores, Score::score, 2)).extracting(Score::userId).containsExactly(1L, 2L, 3L);
        assertThat(Title.withinTop(scores, Score::score, 1)).extracting(Score::userId).containsExactly(1L);
    }
}
