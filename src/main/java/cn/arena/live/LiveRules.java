package cn.arena.live;

import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.util.List;

/** The refusals of the live final: a 409 naming the rule the command breaks, in the caller's language. */
final class LiveRules {

    private LiveRules() {}

    static Refusal broken(String rule) {
        String key = "live.rule." + rule;
        return new Refusal(Refusal.Kind.CONFLICT, key, List.of(Violation.rule(rule, null, key)));
    }

    static Refusal invalid(String field, String key, Object... args) {
        return Refusal.invalid(Violation.field(field, key, args));
    }
}
