package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesTest {

    @Test
    void nothingSentGivesTheSeedsScheme() {
        List<Violation> problems = new ArrayList<>();
        assertThat(Rules.from(null, problems)).isEqualTo(new Rules(new Rules.Daily(5, null), new Rules.Weekly(20, 20, 10),
                new Rules.Monthly(50, 60), 10));
        assertThat(problems).isEmpty();
    }

    @Test
    void whatIsLeftOutTakesItsDefault() {
        List<Violation> problems = new ArrayList<>();
        Rules rules = Rules.from(new Rules.Input(new Rules.DailyInput(null, 3), new Rules.WeeklyInput(null, null, 3), null, null), problems);
        assertThat(rules).isEqualTo(new Rules(new Rules.Daily(5, 3), new Rules.Weekly(20, 20, 3), new Rules.Monthly(50, 60), 10));
        assertThat(problems).isEmpty();
    }

    @Test
    void valuesOutOfRangeAreNamedByTheirNestedField() {
        List<Violation> problems = new ArrayList<>();
        Rules.from(new Rules.Input(new Rules.DailyInput(0, 32), new Rules.WeeklyInput(null, -1, null), null, 0), problems);
        assertThat(problems).extracting(Violation::field)
                .containsExactlyInAnyOrder("rules.daily.questions", "rules.daily.starDays", "rules.weekly.minutes", "rules.annualTop");
    }

    @Test
    void theDailyStarNeedsEveryDayOfTheMonthByDefaultAndNeverMoreDaysThanTheMonthHas() {
        Period february = Period.parse(Period.Kind.MONTH, "2026-02").orElseThrow();
        assertThat(new Rules.Daily(5, null).starDaysIn(february)).isEqualTo(28);
        assertThat(new Rules.Daily(5, 3).starDaysIn(february)).isEqualTo(3);
        assertThat(new Rules.Daily(5, 31).starDaysIn(february)).isEqualTo(28);
    }
}
