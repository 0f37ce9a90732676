package cn.arena.practice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.ApiTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who took part between two days, read from the months kept for whole months and from the days for part-months,
 * is exactly who has an active day in the range: for ranges of one day, within a month, across month and year ends,
 * and of whole months and years.
 */
class ActiveMembersIT extends ApiTest {

    @Autowired PracticeStore store;

    @Test
    void everyRangeGivesTheMembersWithADayInIt() {
        long programme = store.insertProgramme("参与范围", 1, 2026, List.of(1L), Rules.from(null, new ArrayList<>()), "test", Instant.now());
        Random random = new Random(3);
        Map<Long, List<LocalDate>> days = new HashMap<>();
        LocalDate first = LocalDate.of(2025, 12, 20);
        for (long user = 1; user <= 40; user++) {
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                LocalDate day = first.plusDays(random.nextInt(120));
                store.insertActivity(programme, user, day);
                store.insertActivity(programme, user, day); // a second part the same day changes nothing
                days.computeIfAbsent(user, u -> new ArrayList<>()).add(day);
            }
        }
        List<LocalDate[]> ranges = new ArrayList<>(List.of(
                range("2026-01-01", "2026-12-31"), range("2026-01-01", "2026-01-31"), range("2026-01-15", "2026-03-10"),
                range("2025-12-31", "2026-01-01"), range("2026-02-01", "2026-03-31"), range("2026-02-10", "2026-02-20"),
                range("2025-12-01", "2026-04-30"), range("2026-01-31", "2026-02-28"), range("2026-03-05", "2026-03-05")));
        for (int i = 0; i < 40; i++) {
            LocalDate from = first.plusDays(random.nextInt(130));
            ranges.add(new LocalDate[] {from, from.plusDays(random.nextInt(70))});
        }
        for (LocalDate[] r : ranges) {
            Set<Long> expected = days.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(d -> !d.isBefore(r[0]) && !d.isAfter(r[1])))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(store.activeMembers(programme, r[0], r[1])).as("%s to %s", r[0], r[1]).isEqualTo(expected);
        }
    }

    private static LocalDate[] range(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }
}
