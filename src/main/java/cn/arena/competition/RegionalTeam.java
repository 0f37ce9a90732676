package cn.arena.competition;

import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The regional team (区域赛, seed 003 五（三）/七（三）3): the four of the county team ranked first by composite, one of them
 * named as the alternate (每队4人，其中1人为替补). Equal sums go to the team whose members' composites are better, best
 * first ({@code tieBreak}, the rule the city round uses for equal county sums); teams still equal are for the province to
 * choose among (省厅指定): it names one of them, else the call is refused naming the tied teams.
 */
record RegionalTeam(long countyId, List<Long> members, long alternate) {

    /** A selected county team as the rule weighs it: the sum of its four composites and each of them. */
    record Candidate(long countyId, String name, BigDecimal score, List<BigDecimal> composites, List<Long> members) {}

    RegionalTeam {
        members = List.copyOf(members);
    }

    /**
     * The first team with its named alternate. 409 {@code TEAM_TIE} naming the teams still tied when {@code team} names
     * none; 422 on {@code team} when it names a team not (jointly) first, on {@code alternate} unless it is one of the four.
     */
    static RegionalTeam of(List<Candidate> teams, TeamTieBreak tieBreak, @Nullable Long team, @Nullable Long alternate) {
        if (teams.isEmpty()) {
            throw Refusal.conflict("competition.regional.noFirstTeam");
        }
        Comparator<Candidate> order = Comparator.comparing(Candidate::score, Comparator.reverseOrder())
                .thenComparing(Candidate::composites, tieBreak.comparator());
        List<Candidate> ranked = teams.stream().sorted(order).toList();
        List<Candidate> tied = ranked.stream().filter(c -> order.compare(c, ranked.get(0)) == 0).toList();
        String names = tied.stream().map(Candidate::name).collect(Collectors.joining("、"));
        if (tied.size() > 1 && team == null) {
            throw new Refusal(Refusal.Kind.CONFLICT, "competition.regional.tie",
                    List.of(Violation.rule("TEAM_TIE", null, "competition.regional.tie", names)), names);
        }
        Candidate first = team == null ? tied.get(0) : tied.stream().filter(c -> c.countyId() == team).findFirst()
                .orElseThrow(() -> Refusal.invalid(Violation.field("team", "competition.regional.team.notFirst", names)));
        if (alternate == null) {
            throw Refusal.invalid(Violation.field("alternate", "competition.regional.alternate.required"));
        }
        if (!first.members().contains(alternate)) {
            throw Refusal.invalid(Violation.field("alternate", "competition.regional.alternate.notMember"));
        }
        return new RegionalTeam(first.countyId(), first.members(), alternate);
    }
}
