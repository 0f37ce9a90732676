package cn.arena.competition;

import java.util.List;
import java.util.Optional;

/**
 * Who may not score whom (回避, the interview of seed 003): a judge whose org unit is the contestant's city or a unit
 * inside it. A judge of the province's own unit, or without a unit, is recused for no one; a contestant of the
 * province level has no city, so no judge is recused for them.
 */
final class Recusal {

    private Recusal() {}

    /**
     * @param judgeChain the judge's org unit and its ancestors (the unit first); empty for a judge without a unit
     * @param contestantCity the contestant's city, empty for the province level
     */
    static boolean recused(List<Long> judgeChain, Optional<Long> contestantCity) {
        return contestantCity.isPresent() && judgeChain.contains(contestantCity.get());
    }
}
