package cn.arena.competition;

import cn.arena.org.OrgUnitKind;
import cn.arena.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may make up a team (the seed's 人员组成): its size, which unit kinds may register at all, and per unit kind
 * the least number of members of a staff category. Staff categories are codes (e.g. {@code COMMUNITY_STAFF}).
 */
public record TeamCompositionRule(int size, List<UnitRule> units) {

    /** For units of these kinds: at least {@code minimum.get(category)} members of each named category. */
    public record UnitRule(Set<OrgUnitKind> unitKinds, Map<String, Integer> minimum) {

        public UnitRule {
            unitKinds = Set.copyOf(unitKinds);
            minimum = Map.copyOf(minimum);
        }
    }

    public TeamCompositionRule {
        if (size < 1) {
            throw new IllegalArgumentException("team size must be positive");
        }
        units = List.copyOf(units);
    }

    public Optional<UnitRule> ruleFor(OrgUnitKind kind) {
        return units.stream().filter(u -> u.unitKinds().contains(kind)).findFirst();
    }

    /**
     * Every way a team of a unit of {@code kind}, whose members have these staff categories, breaks the rule:
     * rule codes UNIT_KIND, TEAM_SIZE and CATEGORY_MINIMUM, none of them about one member.
     */
    public List<Violation> check(OrgUnitKind kind, List<String> memberCategories) {
        Optional<UnitRule> rule = ruleFor(kind);
        if (rule.isEmpty()) {
            return List.of(Violation.rule("UNIT_KIND", null, "competition.rule.unitKind", kind.chineseName()));
        }
        List<Violation> problems = new ArrayList<>();
        if (memberCategories.size() != size) {
            problems.add(Violation.rule("TEAM_SIZE", null, "competition.rule.teamSize", size, memberCategories.size()));
        }
        rule.get().minimum().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(min -> {
            long have = memberCategories.stream().filter(min.getKey()::equals).count();
            if (have < min.getValue()) {
                problems.add(Violation.rule("CATEGORY_MINIMUM", null, "competition.rule.categoryMinimum",
                        min.getKey(), min.getValue(), have));
            }
        });
        return problems;
    }
}
