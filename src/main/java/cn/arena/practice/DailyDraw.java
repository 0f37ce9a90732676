package cn.arena.practice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which questions make a member's study set of a day: drawn reproducibly from the programme, member and date (the
 * same pool gives the same set), questions the member has not met before first, then met ones to fill up.
 */
final class DailyDraw {

    private DailyDraw() {}

    static List<Long> draw(Collection<Long> pool, Set<Long> met, int count, long programmeId, long userId, LocalDate day) {
        long seed = new SplittableRandom(programmeId * 1_000_003L ^ userId * 7_919L ^ day.toEpochDay()).nextLong();
        Random random = new Random(seed);
        List<Long> unseen = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        pool.stream().distinct().sorted().forEach(id -> (met.contains(id) ? seen : unseen).add(id));
        java.util.Collections.shuffle(unseen, random);
        java.util.Collections.shuffle(seen, random);
        List<Long> set = new ArrayList<>(unseen.subList(0, Math.min(count, unseen.size())));
        set.addAll(seen.subList(0, Math.min(count - set.size(), seen.size())));
        return set;
    }
}
