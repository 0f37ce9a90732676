package cn.arena.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One round of the final as configured: its kind and the values its rule uses. Only the fields of its kind are set.
 *
 * @param turns SPEED: questions per team
 * @param questions BUZZER: questions in the round
 * @param points SPEED and BUZZER: points for a right answer (BUZZER: also lost for a wrong one)
 * @param foul BUZZER: points lost for a buzz before the buzzers open
 * @param values RELAY: the chain's values by member
 * @param tiers RISK: the tiers' values
 * @param perTier RISK: questions of each tier
 * @param maxPoints ESSAY: the most a judge may give
 * @param trim ESSAY: scores dropped at each end before the mean
 * @param seconds time to answer, for the countdowns
 */
record Round(int no, RoundKind kind, String name, @Nullable Integer turns, @Nullable Integer questions, @Nullable Integer points,
        @Nullable Integer foul, @Nullable List<Integer> values, @Nullable List<Integer> tiers, @Nullable Integer perTier,
        @Nullable Integer maxPoints, @Nullable Integer trim, int seconds) {

    int turnsOr0() {
        return turns == null ? 0 : turns;
    }

    int pointsOr0() {
        return points == null ? 0 : points;
    }

    List<Integer> valuesOrEmpty() {
        return values == null ? List.of() : values;
    }

    List<Integer> tiersOrEmpty() {
        return tiers == null ? List.of() : tiers;
    }

    /** How many questions the round takes from the question set for this many teams (RISK: per tier). */
    int questionsNeeded(int teams) {
        return switch (kind) {
            case SPEED -> teams * turnsOr0();
            case BUZZER -> questions == null ? 0 : questions;
            case RELAY -> teams * valuesOrEmpty().size();
            case RISK -> perTier == null ? 0 : perTier;
            case ESSAY -> teams;
        };
    }

    /** The contract's shape: {no, kind, name, ...config}. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("no", no);
        m.put("kind", kind.name());
        m.put("name", name);
        put(m, "turns", turns);
        put(m, "questions", questions);
        put(m, "points", points);
        put(m, "foul", foul);
        put(m, "values", values);
        put(m, "tiers", tiers);
        put(m, "perTier", perTier);
        put(m, "maxPoints", maxPoints);
        put(m, "trim", trim);
        m.put("seconds", seconds);
        return m;
    }

    private static void put(Map<String, Object> m, String key, @Nullable Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
