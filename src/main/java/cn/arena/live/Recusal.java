package cn.arena.live;

import java.util.List;

/**
 * Recusal (回避) of a judge for a team: the judge's unit is the team's unit, lies inside it, or is one of the team
 * unit's ancestors below the competition's owner (the owner's own judges are recused for no one).
 */
final class Recusal {

    private Recusal() {}

    /**
     * @param judgeChain the judge's unit and its ancestors, nearest first (empty: a judge without a unit)
     * @param teamChain the team's unit and its ancestors, nearest first
     */
    static boolean applies(List<Long> judgeChain, List<Long> teamChain, long ownerUnitId) {
        if (judgeChain.isEmpty() || teamChain.isEmpty()) {
            return false;
        }
        long judgeUnit = judgeChain.get(0);
        if (judgeChain.contains(teamChain.get(0))) {
            return true;
        }
        for (long unit : teamChain) {
            if (unit == ownerUnitId) {
                return false;
            }
            if (unit == judgeUnit) {
                return true;
            }
        }
        return false;
    }
}
