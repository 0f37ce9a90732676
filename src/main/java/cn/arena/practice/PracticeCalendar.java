package cn.arena.practice;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar of a programme in its zone (Asia/Shanghai): ISO weeks (Monday to the next Monday, week 53 and a week 1
 * that starts in December included) and the monthly contest on the last weekend of a month (last Saturday 00:00 to
 * the Monday after 00:00, even when that Sunday or Monday lies in the next month).
 */
record PracticeCalendar(ZoneId zone) {

    /** A window [start, end) of a weekly practice or a monthly contest. */
    record Window(Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    LocalDate day(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    /** The ISO week of the day, as the contract writes it: {@code 2026-W10}. */
    static String weekKey(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday of an ISO week key; empty when the key is not one (e.g. {@code 2026-W54}). */
    static java.util.Optional<LocalDate> monday(String weekKey) {
        var m = java.util.regex.Pattern.compile("(\\d{4})-W(\\d{2})").matcher(weekKey);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        if (week < 1 || week > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY));
    }

    Window week(LocalDate monday) {
        return new Window(start(monday), start(monday.plusWeeks(1)));
    }

    /** The ISO weeks whose Monday falls in the month, by their Mondays. */
    static List<LocalDate> mondaysOf(YearMonth month) {
        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate d = month.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)); !d.isAfter(month.atEndOfMonth());
                d = d.plusWeeks(1)) {
            mondays.add(d);
        }
        return mondays;
    }

    static LocalDate lastSaturday(YearMonth month) {
        return month.atEndOfMonth().with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
    }

    /** The monthly contest's window: the last Saturday of the month 00:00 to the Monday after it 00:00. */
    Window contest(YearMonth month) {
        LocalDate saturday = lastSaturday(month);
        return new Window(start(saturday), start(saturday.plusDays(2)));
    }

    /** A weekly practice (WEEK, {@code 2026-W10}) or a monthly contest (MONTH, {@code 2026-03}) and its window. */
    record Sitting(Period.Kind kind, String period, Window window) {}

    /**
     * The sittings of a programme's year that should exist at {@code now}: every one whose window opens within
     * {@code lead} from now and has not yet closed. Run again after a node was down, it still yields the windows not
     * yet over (those that closed meanwhile are past helping).
     */
    List<Sitting> due(int year, Instant now, java.time.Duration lead) {
        List<Sitting> due = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            for (LocalDate monday : mondaysOf(month)) {
                add(due, new Sitting(Period.Kind.WEEK, weekKey(monday), week(monday)), now, lead);
            }
            add(due, new Sitting(Period.Kind.MONTH, month.toString(), contest(month)), now, lead);
        }
        return due;
    }

    private static void add(List<Sitting> due, Sitting s, Instant now, java.time.Duration lead) {
        if (!now.isBefore(s.window().start().minus(lead)) && now.isBefore(s.window().end())) {
            due.add(s);
        }
    }

    Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
