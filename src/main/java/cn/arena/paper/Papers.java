package cn.arena.paper;

import cn.arena.account.CurrentUser;
import cn.arena.bank.QuestionCatalog;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Papers as the exam module uses them: what the banks can supply for a blueprint, and the draw of a paper. */
@Service
public class Papers {

    private final QuestionCatalog catalog;

    Papers(QuestionCatalog catalog) {
        this.catalog = catalog;
    }

    /** Refuses (422 on {@code bankIds}) banks that are unknown or outside the user's scope, and an empty list. */
    public void checkBanks(CurrentUser user, Collection<Long> bankIds) {
        if (bankIds.isEmpty()) {
            throw Refusal.invalid(Violation.field("bankIds", "paper.banks.required"));
        }
        List<String> unknown = bankIds.stream().filter(id -> !catalog.bankVisibleTo(user, id)).map(String::valueOf).toList();
        if (!unknown.isEmpty()) {
            throw Refusal.invalid(Violation.field("bankIds", "paper.banks.unknown", String.join("、", unknown)));
        }
    }

    /** What the banks can supply for each section; refuses a malformed blueprint. */
    public Supply supply(Collection<Long> bankIds, Blueprint blueprint) {
        List<Violation> problems = blueprint.check(bankIds);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        return Supply.of(blueprint, pools(bankIds, blueprint));
    }

    /** Refuses a malformed blueprint or one the banks cannot satisfy, naming each short section and the shortfall. */
    public void requireFeasible(Collection<Long> bankIds, Blueprint blueprint) {
        Supply supply = supply(bankIds, blueprint);
        if (!supply.feasible()) {
            throw Refusal.invalid(supply.violations(blueprint));
        }
    }

    /** The questions for each slot, drawn with {@code seed}; refuses (422) when the banks can no longer supply it. */
    public List<Slot> select(Collection<Long> bankIds, Blueprint blueprint, long seed) {
        List<List<Eligible>> pools = pools(bankIds, blueprint);
        return Assembly.draw(blueprint, pools, seed).orElseThrow(() -> Refusal.invalid(Supply.of(blueprint, pools).violations(blueprint)));
    }

    private List<List<Eligible>> pools(Collection<Long> bankIds, Blueprint blueprint) {
        List<List<Eligible>> pools = new ArrayList<>();
        for (Section section : blueprint.sections()) {
            pools.add(catalog.drawable(bankIds, section.type(), blank(section.category()), section.difficulty()).stream()
                    .sorted(Comparator.comparingLong(QuestionCatalog.Drawable::id))
                    .map(q -> new Eligible(q.id(), q.bankId(), q.type(), q.optionKeys()))
                    .toList());
        }
        return pools;
    }

    private static @Nullable String blank(@Nullable String category) {
        return category == null || category.isBlank() ? null : category.strip();
    }
}
