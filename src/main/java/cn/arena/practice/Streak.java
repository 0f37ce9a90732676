package cn.arena.practice;

import java.time.LocalDate;
import java.util.Collection;
import java.util.TreeSet;

/**
 * A member's run of studied days. {@code current} counts consecutive studied days up to today, or up to yesterday
 * while today is not yet studied (the run is not broken before the day is over); {@code longest} is the longest run
 * ever. Calendar days, so a run crosses month and year ends like any other night.
 */
record Streak(int current, int longest) {

    static Streak of(Collection<LocalDate> studiedDays, LocalDate today) {
        TreeSet<LocalDate> days = new TreeSet<>(studiedDays);
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate d : days) {
            run = previous != null && previous.plusDays(1).equals(d) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = d;
        }
        LocalDate end = days.contains(today) ? today : today.minusDays(1);
        int current = 0;
        while (days.contains(end.minusDays(current))) {
            current++;
        }
        return new Streak(current, longest);
    }
}
