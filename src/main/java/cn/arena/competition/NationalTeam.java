package cn.arena.competition;

import cn.arena.shared.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The national team (全国赛, seed 003 五（三）/七（三）4): {@code cityMembers} contestants of one city named by the province,
 * plus the best composite individual of the province; if that one is already among them, the next in line (递补).
 */
record NationalTeam(int cityMembers) {

    sealed interface Outcome {}

    record Team(List<Long> members) implements Outcome {}

    record Refused(List<Violation> problems) implements Outcome {}

    /**
     * @param named       the persons the province names
     * @param cityOf      selected person → their city (absent: not selected, or of the province level)
     * @param byComposite every selected person, best composite first
     */
    Outcome form(List<Long> named, Map<Long, Long> cityOf, List<Long> byComposite) {
        List<Violation> problems = new ArrayList<>();
        if (named.size() != cityMembers || new HashSet<>(named).size() != cityMembers) {
            problems.add(Violation.rule("TEAM_SIZE", null, "competition.national.size", cityMembers));
        }
        if (named.stream().map(cityOf::get).distinct().count() != 1 || named.stream().anyMatch(p -> !cityOf.containsKey(p))) {
            problems.add(Violation.rule("ONE_CITY", null, "competition.national.oneCity", cityMembers));
        }
        Optional<Long> best = byComposite.stream().filter(p -> !named.contains(p)).findFirst();
        if (best.isEmpty() && problems.isEmpty()) {
            problems.add(Violation.rule("NO_COMPOSITE", null, "competition.national.noComposite"));
        }
        if (!problems.isEmpty()) {
            return new Refused(problems);
        }
        List<Long> members = new ArrayList<>(named);
        members.add(best.get());
        return new Team(members);
    }
}
