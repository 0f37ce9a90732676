package cn.arena.competition;

import cn.arena.shared.Ranking;
import java.util.List;
import java.util.Objects;

/**
 * Which teams of a stage go on to the next (晋级): the teams ranked 1..{@code top}. At the cut line,
 * {@code ALL_ADVANCE} (the Jiangyin rule) lets every team sharing rank {@code top} go, so more than {@code top}
 * may advance; {@code NONE_ADVANCE} lets a group sharing a rank go only if all of it fits within {@code top}.
 * Unranked teams (no score) never advance.
 */
public record AdvancementRule(int top, CutLineTies cutLineTies) {

    public enum CutLineTies { ALL_ADVANCE, NONE_ADVANCE }

    public AdvancementRule {
        if (top < 1) {
            throw new IllegalArgumentException("top must be positive");
        }
        Objects.requireNonNull(cutLineTies);
    }

    public <T> List<T> advancing(List<Ranking.Ranked<T>> ranked) {
        return ranked.stream().filter(r -> r.rank() != null && r.rank() <= top)
                .filter(r -> cutLineTies == CutLineTies.ALL_ADVANCE
                        || r.rank() + ranked.stream().filter(o -> r.rank().equals(o.rank())).count() - 1 <= top)
                .map(Ranking.Ranked::entry).toList();
    }
}
