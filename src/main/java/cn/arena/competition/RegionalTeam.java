package cn.arena.competition;

import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The regional team (区域赛, seed 003 五（三）/七（三）3): the four of the county team ranked first by composite, one of them
 * named as the alternate (每队4人，其中1人为替补).
 */
record RegionalTeam(List<Long> members, long alternate) {

    RegionalTeam {
        members = List.copyOf(members);
    }

    /** The first county team with its named alternate; 422 on {@code alternate} unless it is one of the team. */
    static RegionalTeam of(List<Long> firstTeam, @Nullable Long alternate) {
        if (alternate == null) {
            throw Refusal.invalid(Violation.field("alternate", "competition.regional.alternate.required"));
        }
        if (!firstTeam.contains(alternate)) {
            throw Refusal.invalid(Violation.field("alternate", "competition.regional.alternate.notMember"));
        }
        return new RegionalTeam(firstTeam, alternate);
    }
}
