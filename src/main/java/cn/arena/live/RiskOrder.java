package cn.arena.live;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Who chooses next in the risk round (进阶风险题): of the teams that have not had their turn, the one with the lowest
 * score at that moment; equal scores, the lower seat first.
 */
final class RiskOrder {

    record Candidate(long teamId, int seat, BigDecimal score) {}

    private RiskOrder() {}

    static Optional<Long> next(Collection<Candidate> waiting) {
        return waiting.stream().min(Comparator.comparing(Candidate::score).thenComparingInt(Candidate::seat)).map(Candidate::teamId);
    }
}
