package cn.arena.competition;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Awards and titles given to rank ranges, which may overlap so one person holds several (seed 003 八（一）1：前10名
 * 知识通；第1名申报五一劳动奖章；前2名技术能手；2-3名五一创新能手). The award follows the rank, so entries sharing a rank
 * share every award that rank reaches, even when a range then holds more than its places. Unranked: no award.
 * Cumulative tiers (seed 000's 1/3/6/10) are ranges that do not overlap.
 */
record AwardRanges(List<Range> ranges) {

    /** {@code code} (e.g. ZHISHITONG) with its shown {@code name}, for ranks {@code from}..{@code to}. */
    record Range(String code, String name, int from, int to) {

        Range {
            if (from < 1 || to < from) {
                throw new IllegalArgumentException("bad rank range " + from + "-" + to + " of " + code);
            }
        }
    }

    AwardRanges {
        ranges = List.copyOf(ranges);
    }

    /** The awards this rank holds, in the order the template lists them. */
    List<Range> awards(@Nullable Integer rank) {
        if (rank == null) {
            return List.of();
        }
        return ranges.stream().filter(r -> r.from() <= rank && rank <= r.to()).toList();
    }
}
