package cn.arena.practice;

import cn.arena.account.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** A member's own record in a programme: studied days, streak, longest streak and the titles earned. */
@Service
class MemberRecord {

    record Me(int studiedDays, int streak, int longestStreak, List<PracticeStore.TitleRow> titles) {}

    private final PracticeStore store;
    private final Programmes programmes;
    private final PracticeCalendar calendar;
    private final Clock clock;

    MemberRecord(PracticeStore store, Programmes programmes, Clock clock) {
        this.store = store;
        this.programmes = programmes;
        this.calendar = new PracticeCalendar(clock.getZone());
        this.clock = clock;
    }

    Me me(CurrentUser user, long programmeId) {
        PracticeStore.ProgrammeRow p = programmes.forMember(user, programmeId);
        LocalDate today = calendar.day(clock.instant());
        List<LocalDate> days = store.studiedDays(p.id(), user.id()).stream().filter(d -> !d.isAfter(today)).toList();
        Streak streak = Streak.of(days, today);
        return new Me(days.size(), streak.current(), streak.longest(), store.titles(p.id(), user.id()));
    }
}
