package cn.arena.live;

import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;

/**
 * A final's configuration before START: the base score, the rounds (from the template's {@code liveFinal} section,
 * changeable until START) and the question set of each round.
 */
record LiveConfig(BigDecimal baseScore, List<Round> rounds, LiveEvent.Plan plan) {

    static final LiveEvent.Plan NO_QUESTIONS = new LiveEvent.Plan(Map.of(), Map.of(), List.of());

    LiveConfig withRounds(BigDecimal baseScore, List<Round> rounds) {
        return new LiveConfig(baseScore, rounds, plan);
    }

    LiveConfig withPlan(LiveEvent.Plan plan) {
        return new LiveConfig(baseScore, rounds, plan);
    }

    /** The {@code liveFinal} section of a competition template; a template without one gives the five rounds unset. */
    static LiveConfig fromTemplate(String yaml) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root.get("liveFinal") instanceof Map<?, ?> live)) {
            return new LiveConfig(BigDecimal.ZERO, List.of(), NO_QUESTIONS);
        }
        JsonNode node = LiveStore.JSON.valueToTree(live);
        return new LiveConfig(node.get("baseScore").decimalValue(), rounds(node.get("rounds")), NO_QUESTIONS);
    }

    /** Rounds as the contract writes them, {@code [{no, kind, name, ...config}]}; refuses what a round of its kind lacks. */
    static List<Round> rounds(@Nullable JsonNode node) {
        List<Violation> problems = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw Refusal.invalid(Violation.field("rounds", "live.rounds.required"));
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode r = node.get(i);
            String field = "rounds[" + i + "]";
            RoundKind kind;
            try {
                kind = RoundKind.valueOf(r.path("kind").asString(""));
            } catch (IllegalArgumentException e) {
                problems.add(Violation.field(field + ".kind", "live.rounds.kind"));
                continue;
            }
            Round round = new Round(r.path("no").asInt(0), kind, r.path("name").asString(kind.name()), integer(r, "turns"),
                    integer(r, "questions"), integer(r, "points"), integer(r, "foul"), integers(r, "values"), integers(r, "tiers"),
                    integer(r, "perTier"), integer(r, "maxPoints"), integer(r, "trim"), r.path("seconds").asInt(30));
            if (round.no() != i + 1) {
                problems.add(Violation.field(field + ".no", "live.rounds.no", i + 1));
            }
            missing(round).forEach(f -> problems.add(Violation.field(field + "." + f, "live.rounds.missing", f)));
            rounds.add(round);
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        return rounds;
    }

    private static List<String> missing(Round r) {
        List<String> missing = new ArrayList<>();
        switch (r.kind()) {
            case SPEED -> {
                if (r.turns() == null || r.turns() < 1) missing.add("turns");
                if (r.points() == null) missing.add("points");
            }
            case BUZZER -> {
                if (r.questions() == null || r.questions() < 1) missing.add("questions");
                if (r.points() == null) missing.add("points");
                if (r.foul() == null) missing.add("foul");
            }
            case RELAY -> {
                if (r.values() == null || r.values().isEmpty()) missing.add("values");
            }
            case RISK -> {
                if (r.tiers() == null || r.tiers().isEmpty()) missing.add("tiers");
                if (r.perTier() == null || r.perTier() < 1) missing.add("perTier");
            }
            case ESSAY -> {
                if (r.maxPoints() == null || r.maxPoints() < 1) missing.add("maxPoints");
                if (r.trim() == null || r.trim() < 0) missing.add("trim");
            }
        }
        return missing;
    }

    private static @Nullable Integer integer(JsonNode r, String key) {
        JsonNode v = r.get(key);
        return v == null || v.isNull() ? null : v.asInt();
    }

    private static @Nullable List<Integer> integers(JsonNode r, String key) {
        JsonNode v = r.get(key);
        if (v == null || !v.isArray()) {
            return null;
        }
        List<Integer> values = new ArrayList<>();
        v.forEach(x -> values.add(x.asInt()));
        return List.copyOf(values);
    }
}
