package cn.arena.competition;

import cn.arena.org.OrgUnitKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A competition as a readable file (see docs/competition-templates.md): its committee, stages, timeline and rules.
 * Parsing refuses a file that names an unknown stage, kind or award rather than guessing. A template either registers
 * teams of units ({@code team}: {@link #rules}) or enters contestants one by one and selects them level by level
 * ({@code contestants}: {@link #selection}).
 */
public record CompetitionTemplate(String code, String name, List<String> organizers, List<CommitteeMember> committee,
        List<StageSpec> stages, @Nullable CompetitionRules rules, @Nullable SelectionRules selection, List<TimelineEntry> timeline) {

    public record CommitteeMember(String role, String name, String title) {}

    public record StageSpec(String code, String name, StageKind kind, @Nullable String note) {}

    public record TimelineEntry(String name, String when, @Nullable String note) {}

    public static CompetitionTemplate parse(String yaml) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        List<StageSpec> stages = list(root, "stages").stream().map(s -> new StageSpec(text(s, "code"), text(s, "name"),
                StageKind.valueOf(text(s, "kind")), optionalText(s, "note"))).toList();
        Set<String> stageCodes = stages.stream().map(StageSpec::code).collect(Collectors.toSet());
        List<CommitteeMember> committee = list(root, "committee").stream()
                .map(c -> new CommitteeMember(text(c, "role"), text(c, "name"), text(c, "title"))).toList();
        List<TimelineEntry> timeline = list(root, "timeline").stream()
                .map(t -> new TimelineEntry(text(t, "name"), text(t, "when"), optionalText(t, "note"))).toList();
        boolean individualEntry = root.containsKey("contestants");
        return new CompetitionTemplate(text(root, "code"), text(root, "name"), strings(root, "organizers"), committee, stages,
                individualEntry ? null : teamRules(root, stageCodes), individualEntry ? selectionRules(root, stageCodes) : null, timeline);
    }

    private static CompetitionRules teamRules(Map<String, Object> root, Set<String> stageCodes) {
        Map<String, Object> team = map(root, "team");
        List<TeamCompositionRule.UnitRule> units = list(team, "units").stream().map(u -> new TeamCompositionRule.UnitRule(
                strings(u, "kinds").stream().map(OrgUnitKind::valueOf).collect(Collectors.toSet()),
                map(u, "minimum").entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> number(e.getValue()))))).toList();
        Map<String, Object> teamScore = map(root, "teamScore");
        Map<String, Object> aggregate = teamScore.get("aggregate") instanceof Map<?, ?> m ? cast(m) : Map.of("function", teamScore.get("aggregate"));
        Map<String, Object> advancement = map(root, "advancement");
        Map<String, Object> awards = map(root, "awards");
        return new CompetitionRules(
                new TeamCompositionRule(number(team.get("size")), units),
                new CompetitionRules.IndividualRanking(stage(map(root, "individualRanking"), "stage", stageCodes)),
                new CompetitionRules.TeamScore(
                        new TeamAggregate(TeamAggregate.Function.valueOf(String.valueOf(aggregate.get("function"))),
                                aggregate.get("count") == null ? null : number(aggregate.get("count"))),
                        TeamTieBreak.valueOf(text(teamScore, "tieBreak"))),
                new CompetitionRules.Advancement(stage(advancement, "from", stageCodes), stage(advancement, "to", stageCodes),
                        new AdvancementRule(number(advancement.get("top")), AdvancementRule.CutLineTies.valueOf(text(advancement, "cutLineTies"))),
                        number(advancement.get("membersPerTeam"))),
                new CompetitionRules.Awards(awardRule(map(awards, "individual"), stageCodes), awardRule(map(awards, "team"), stageCodes)));
    }

    private static SelectionRules selectionRules(Map<String, Object> root, Set<String> stageCodes) {
        Map<String, Object> city = map(root, "selection");
        Map<String, Object> interview = map(root, "interview");
        Map<String, Object> composite = map(root, "composite");
        Map<String, Object> awards = map(root, "awards");
        Map<String, Object> regional = map(root, "regional");
        Map<String, Object> national = map(root, "national");
        return new SelectionRules(
                new SelectionRules.Entry(number(map(root, "contestants").get("fieldMinimum"))),
                new SelectionRules.City(stage(city, "from", stageCodes), stage(city, "to", stageCodes), number(city.get("countyTeams")),
                        number(city.get("teamSize")), number(city.get("individuals")), number(city.get("provinceLevel")),
                        strings(city, "tieBreak").stream().map(WrittenResult.TieBreak::valueOf).toList()),
                new SelectionRules.Interview(stage(interview, "stage", stageCodes), decimal(interview.get("maxPoints")),
                        number(interview.get("trim")), number(interview.get("scale"))),
                new SelectionRules.Composite(list(composite, "parts").stream().map(p -> compositePart(p, stageCodes)).toList(),
                        number(composite.get("scale"))),
                new SelectionRules.Awards(ranges(awards, "individual"), ranges(awards, "team"), ranges(awards, "organisations")),
                new SelectionRules.Regional(stage(regional, "stage", stageCodes), number(regional.get("alternates")),
                        TeamTieBreak.valueOf(text(regional, "tieBreak"))),
                new SelectionRules.National(stage(national, "stage", stageCodes), number(national.get("cityMembers"))));
    }

    /** {@code - {stage, weight}}: the full marks are the paper's (or the interview's maximum), so a template may not state them. */
    private static CompositeScore.Part compositePart(Map<String, Object> part, Set<String> stageCodes) {
        if (part.containsKey("fullMarks")) {
            throw new IllegalArgumentException("composite part '" + part.get("stage")
                    + "': fullMarks is the total of the stage's exam paper (or interview.maxPoints), not a template value");
        }
        return new CompositeScore.Part(stage(part, "stage", stageCodes), decimal(part.get("weight")));
    }

    /** {@code - {code: FIRST, name: 一等奖, ranks: 1-2}} or {@code ranks: 1} for one rank. */
    private static List<AwardRanges.Range> ranges(Map<String, Object> node, String key) {
        return list(node, key).stream().map(r -> {
            String[] ranks = text(r, "ranks").split("-");
            int from = Integer.parseInt(ranks[0].strip());
            int to = ranks.length == 1 ? from : Integer.parseInt(ranks[1].strip());
            return new AwardRanges.Range(text(r, "code"), text(r, "name"), from, to);
        }).toList();
    }

    private static BigDecimal decimal(@Nullable Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        throw new IllegalArgumentException("expected a number, found " + value);
    }

    private static CompetitionRules.AwardRule awardRule(Map<String, Object> node, Set<String> stageCodes) {
        List<AwardTiers.Tier> tiers = new ArrayList<>();
        map(node, "tiers").forEach((award, maxRank) -> tiers.add(new AwardTiers.Tier(Award.valueOf(award), number(maxRank))));
        return new CompetitionRules.AwardRule(stage(node, "stage", stageCodes), new AwardTiers(tiers));
    }

    private static String stage(Map<String, Object> node, String key, Set<String> stageCodes) {
        String code = text(node, key);
        if (!stageCodes.contains(code)) {
            throw new IllegalArgumentException("unknown stage '" + code + "' in " + key);
        }
        return code;
    }

    private static String text(Map<String, Object> node, String key) {
        Object value = node.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return String.valueOf(value);
    }

    private static @Nullable String optionalText(Map<String, Object> node, String key) {
        Object value = node.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static int number(@Nullable Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalArgumentException("expected a number, found " + value);
    }

    private static Map<String, Object> map(Map<String, Object> node, String key) {
        if (node.get(key) instanceof Map<?, ?> m) {
            return cast(m);
        }
        throw new IllegalArgumentException("missing section '" + key + "'");
    }

    private static List<Map<String, Object>> list(Map<String, Object> node, String key) {
        if (node.get(key) instanceof List<?> l) {
            return l.stream().map(e -> cast((Map<?, ?>) e)).toList();
        }
        throw new IllegalArgumentException("missing list '" + key + "'");
    }

    private static List<String> strings(Map<String, Object> node, String key) {
        if (node.get(key) instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        throw new IllegalArgumentException("missing list '" + key + "'");
    }

    private static Map<String, Object> cast(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    public StageSpec stage(String code) {
        return stages.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }
}
