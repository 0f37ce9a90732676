package cn.arena.competition;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Awards given by rank: each tier reaches down to a cumulative rank (the seed's individual 1/3/6/10 places are
 * FIRST ≤ 1, SECOND ≤ 4, THIRD ≤ 10, EXCELLENCE ≤ 20). Because the award follows the rank, people who share a rank
 * share an award; at a tier boundary, everyone at a shared rank gets the best tier that rank reaches, even when the
 * tier then holds more people than its count (ranks 4, 4 with SECOND ≤ 4: both SECOND). Unranked means no award.
 */
public record AwardTiers(List<Tier> tiers) {

    public record Tier(Award award, int maxRank) {}

    public AwardTiers {
        tiers = tiers.stream().sorted(Comparator.comparingInt(Tier::maxRank)).toList();
    }

    public Optional<Award> award(@Nullable Integer rank) {
        if (rank == null) {
            return Optional.empty();
        }
        return tiers.stream().filter(t -> rank <= t.maxRank()).map(Tier::award).findFirst();
    }
}
