package cn.arena.paper;

import cn.arena.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What the banks can supply for a blueprint: per section how many distinct questions it can get (a question never
 * serves two sections) and, under a bank share, how many items the share bank can provide. A blueprint is feasible
 * when no section and no share falls short.
 */
public record Supply(List<SectionSupply> sections, @Nullable ShareSupply share) {

    /** One section: eligible questions in the banks, questions needed, questions it can get, and the gap. */
    public record SectionSupply(int section, int available, int needed, int supplied, int shortfall) {}

    /** The bank share: items the bank must provide, items it can provide alongside the sections, and the gap. */
    public record ShareSupply(long bankId, int minPercent, int required, int supplied, int shortfall) {}

    public boolean feasible() {
        return sections.stream().allMatch(s -> s.shortfall() == 0) && (share == null || share.shortfall() == 0);
    }

    /** Computes the supply of {@code pools} (one list of eligible questions per section) for the blueprint. */
    public static Supply of(Blueprint blueprint, List<List<Eligible>> pools) {
        List<Integer> counts = blueprint.sections().stream().map(Section::count).toList();
        Allocation free = Allocation.of(counts, pools, null, Integer.MAX_VALUE);
        List<SectionSupply> sections = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            int supplied = free.assigned(i);
            sections.add(new SectionSupply(i, pools.get(i).size(), counts.get(i), supplied, counts.get(i) - supplied));
        }
        ShareSupply share = null;
        BankShare rule = blueprint.bankShare();
        if (rule != null) {
            int items = blueprint.itemCount();
            int required = rule.required(items);
            // Only the share bank's questions: how many items it can fill at most.
            int fromBank = Allocation.of(counts, pools, rule.bankId(), 0).total();
            int supplied = Math.min(required, fromBank);
            share = new ShareSupply(rule.bankId(), rule.minPercent(), required, supplied, required - supplied);
        }
        return new Supply(List.copyOf(sections), share);
    }

    /** Why the blueprint cannot be assembled: one violation per short section (field {@code sections[i]}) and the share. */
    public List<Violation> violations(Blueprint blueprint) {
        List<Violation> problems = new ArrayList<>();
        for (SectionSupply s : sections) {
            if (s.shortfall() > 0) {
                problems.add(Violation.field("sections[" + s.section() + "]", "paper.section.shortfall", s.section() + 1,
                        describe(blueprint.sections().get(s.section())), s.needed(), s.supplied(), s.shortfall()));
            }
        }
        if (share != null && share.shortfall() > 0) {
            problems.add(Violation.field("bankShare", "paper.bankShare.shortfall", share.minPercent(), String.valueOf(share.bankId()),
                    blueprint.itemCount(), share.required(), share.supplied(), share.shortfall()));
        }
        return problems;
    }

    /** "填空题，分类 政务服务/一网通办，难度 3" in the reader's language, resolved when the message is written. */
    static DefaultMessageSourceResolvable describe(Section section) {
        var type = new DefaultMessageSourceResolvable("paper.type." + section.type().name());
        boolean category = section.category() != null && !section.category().isBlank();
        boolean difficulty = section.difficulty() != null;
        String key = "paper.section.describe" + (category ? ".category" : "") + (difficulty ? ".difficulty" : "");
        List<Object> args = new ArrayList<>();
        args.add(type);
        if (category) args.add(section.category());
        if (difficulty) args.add(section.difficulty());
        return new DefaultMessageSourceResolvable(new String[] {key}, args.toArray());
    }
}
