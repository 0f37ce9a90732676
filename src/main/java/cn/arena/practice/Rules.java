package cn.arena.practice;

import cn.arena.shared.Violation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a programme, nested as the contract writes them, with seed 003's scheme as defaults: 5 study
 * questions a day; 日日学之星 for studying every day of a month (or {@code daily.starDays} days); a 20-question,
 * 20-minute weekly practice whose top 10 are 周周练达人; a 50-question, 60-minute monthly contest; an annual top 10.
 */
record Rules(Daily daily, Weekly weekly, Monthly monthly, int annualTop) {

    /** @param starDays studied days in a month that earn 日日学之星; null: every day of that month */
    record Daily(int questions, @Nullable Integer starDays) {
        int starDaysIn(Period month) {
            return starDays == null ? month.days() : Math.min(starDays, month.days());
        }
    }

    record Weekly(int questions, int minutes, int aceTop) {}

    record Monthly(int questions, int minutes) {}

    /** What an organizer sends: anything left out (null) takes its default. */
    record Input(@Nullable DailyInput daily, @Nullable WeeklyInput weekly, @Nullable MonthlyInput monthly, @Nullable Integer annualTop) {}

    record DailyInput(@Nullable Integer questions, @Nullable Integer starDays) {}

    record WeeklyInput(@Nullable Integer questions, @Nullable Integer minutes, @Nullable Integer aceTop) {}

    record MonthlyInput(@Nullable Integer questions, @Nullable Integer minutes) {}

    static final Rules DEFAULTS = new Rules(new Daily(5, null), new Weekly(20, 20, 10), new Monthly(50, 60), 10);

    /** The rules in force for what was sent, or the fields (e.g. {@code rules.weekly.minutes}) that are out of range. */
    static Rules from(@Nullable Input in, List<Violation> problems) {
        if (in == null) {
            return DEFAULTS;
        }
        Checker c = new Checker(problems);
        DailyInput d = in.daily() == null ? new DailyInput(null, null) : in.daily();
        WeeklyInput w = in.weekly() == null ? new WeeklyInput(null, null, null) : in.weekly();
        MonthlyInput m = in.monthly() == null ? new MonthlyInput(null, null) : in.monthly();
        Integer starDays = d.starDays() == null ? null : c.check("rules.daily.starDays", d.starDays(), 1, 31);
        return new Rules(
                new Daily(c.or("rules.daily.questions", d.questions(), DEFAULTS.daily.questions(), 1, 50), starDays),
                new Weekly(c.or("rules.weekly.questions", w.questions(), DEFAULTS.weekly.questions(), 1, 200),
                        c.or("rules.weekly.minutes", w.minutes(), DEFAULTS.weekly.minutes(), 1, 24 * 60),
                        c.or("rules.weekly.aceTop", w.aceTop(), DEFAULTS.weekly.aceTop(), 1, 100_000)),
                new Monthly(c.or("rules.monthly.questions", m.questions(), DEFAULTS.monthly.questions(), 1, 200),
                        c.or("rules.monthly.minutes", m.minutes(), DEFAULTS.monthly.minutes(), 1, 24 * 60)),
                c.or("rules.annualTop", in.annualTop(), DEFAULTS.annualTop(), 1, 100_000));
    }

    private record Checker(List<Violation> problems) {
        int or(String field, @Nullable Integer value, int fallback, int min, int max) {
            return value == null ? fallback : check(field, value, min, max);
        }

        int check(String field, int value, int min, int max) {
            if (value < min || value > max) {
                problems.add(Violation.field(field, "practice.rules.range", min, max));
            }
            return value;
        }
    }
}
