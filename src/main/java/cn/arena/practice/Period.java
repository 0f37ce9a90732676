package cn.arena.practice;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A period a leaderboard or a title is for: an ISO week ({@code 2026-W10}), a month ({@code 2026-03}) or a year
 * ({@code 2026}). Its days run from {@link #first} to {@link #last} in the programme's calendar.
 */
record Period(Kind kind, String key, LocalDate first, LocalDate last) {

    enum Kind { WEEK, MONTH, YEAR }

    static Optional<Period> parse(Kind kind, String key) {
        try {
            return switch (kind) {
                case WEEK -> PracticeCalendar.monday(key).map(Period::week);
                case MONTH -> key.matches("\\d{4}-\\d{2}") ? Optional.of(month(YearMonth.parse(key))) : Optional.empty();
                case YEAR -> key.matches("\\d{4}") ? Optional.of(year(Integer.parseInt(key))) : Optional.empty();
            };
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Period week(LocalDate monday) {
        return new Period(Kind.WEEK, PracticeCalendar.weekKey(monday), monday, monday.plusDays(6));
    }

    static Period month(YearMonth month) {
        return new Period(Kind.MONTH, month.toString(), month.atDay(1), month.atEndOfMonth());
    }

    static Period year(int year) {
        return new Period(Kind.YEAR, Integer.toString(year), LocalDate.of(year, 1, 1), Year.of(year).atDay(Year.of(year).length()));
    }

    /** The periods of a programme's year that can have a board: its weeks (those whose Monday is in it), months and itself. */
    static List<Period> ofYear(int year) {
        List<Period> periods = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            PracticeCalendar.mondaysOf(YearMonth.of(year, m)).forEach(monday -> periods.add(week(monday)));
        }
        for (int m = 1; m <= 12; m++) {
            periods.add(month(YearMonth.of(year, m)));
        }
        periods.add(year(year));
        return periods;
    }

    /** Over once its last day has passed: a title for it may be awarded from then on. */
    boolean isOver(LocalDate today) {
        return today.isAfter(last);
    }

    int days() {
        return (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    }
}
