package cn.arena.competition;

import cn.arena.shared.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who may not join a team: a person already in another team of the same competition (one person, one team), a
 * person named twice in one registration, and anyone on the competition's ineligibility list (资格排除).
 * People are compared by the keyed hash of their ID number, never by the number itself.
 *
 * @param teamOf     lookup key → id of the live team (pending or approved) that person is already in
 * @param exclusions lookup key → the reason the person is excluded
 */
public record Eligibility(Map<String, Long> teamOf, Map<String, String> exclusions) {

    public Eligibility {
        teamOf = Map.copyOf(teamOf);
        exclusions = Map.copyOf(exclusions);
    }

    /** Violations ALREADY_IN_TEAM and EXCLUDED, each on its member; a null key (bad ID number) is skipped. */
    public List<Violation> check(List<@Nullable String> memberKeys) {
        List<Violation> problems = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < memberKeys.size(); i++) {
            String key = memberKeys.get(i);
            if (key == null) {
                continue;
            }
            Integer earlier = firstIndex.putIfAbsent(key, i);
            if (earlier != null) {
                problems.add(Violation.rule("ALREADY_IN_TEAM", i, "competition.rule.duplicateMember", i + 1, earlier + 1));
            } else if (teamOf.containsKey(key)) {
                problems.add(Violation.rule("ALREADY_IN_TEAM", i, "competition.rule.alreadyInTeam", i + 1, teamOf.get(key)));
            }
            if (exclusions.containsKey(key)) {
                problems.add(Violation.rule("EXCLUDED", i, "competition.rule.excluded", i + 1, exclusions.get(key)));
            }
        }
        return problems;
    }
}
