package cn.arena.live;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The final's standings: by score, best first; teams on equal scores are ordered by their tiebreak (附加赛) points,
 * which are never added to the score; equal on both, they share the rank (1, 2, 2, 4).
 */
final class FinalStandings {

    record Entry(long teamId, BigDecimal score, BigDecimal tiebreakPoints) {}

    record Ranked(int rank, long teamId, BigDecimal score) {}

    private FinalStandings() {}

    static List<Ranked> rank(List<Entry> entries) {
        Comparator<Entry> order = Comparator.comparing(Entry::score).thenComparing(Entry::tiebreakPoints).reversed();
        List<Entry> sorted = entries.stream().sorted(order).toList();
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Entry e = sorted.get(i);
            boolean tiedWithPrevious = i > 0 && order.compare(sorted.get(i - 1), e) == 0;
            ranked.add(new Ranked(tiedWithPrevious ? ranked.get(i - 1).rank() : i + 1, e.teamId(), e.score()));
        }
        return ranked;
    }

    static List<Ranked> of(LiveState s) {
        return rank(s.seats().stream().map(t -> new Entry(t.id(), s.score(t.id()), t.tiebreakPoints)).toList());
    }
}
