package cn.arena.practice;

import cn.arena.shared.Ranking;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The titles of seed 003, each for one period and awarded once that period is over: 日日学之星 for a month with at
 * least {@code daily.starDays} studied days, 周周练达人 for a week's practice ranked within {@code weekly.aceTop},
 * and the annual top ({@code annualTop}) of the year's monthly contests (月月比年度综合).
 */
enum Title {
    DAILY_STAR(Period.Kind.MONTH), WEEKLY_ACE(Period.Kind.WEEK), ANNUAL_TOP(Period.Kind.YEAR);

    final Period.Kind periodKind;

    Title(Period.Kind periodKind) {
        this.periodKind = periodKind;
    }

    /** Not before the period is over: a month half studied or a week still open earns nothing yet. */
    static boolean due(Period period, LocalDate today) {
        return period.isOver(today);
    }

    /** Members whose studied days in the month reach the rule. */
    static List<Long> dailyStars(Map<Long, Integer> studiedDays, Period month, Rules rules) {
        int needed = rules.daily().starDaysIn(month);
        return studiedDays.entrySet().stream().filter(e -> e.getValue() >= needed).map(Map.Entry::getKey).sorted().toList();
    }

    /** Members ranked within the top {@code top} (ties at the edge all count: they share the rank). */
    static <T> List<T> withinTop(List<T> scored, Function<T, BigDecimal> score, int top) {
        return Ranking.rank(scored, score::apply, Ranking.noTieBreak()).stream().filter(r -> r.rank() != null && r.rank() <= top)
                .map(Ranking.Ranked::entry).toList();
    }
}
