package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.shared.Ranking;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RankingTest {

    record Person(String name, @Nullable BigDecimal score) {}

    record Team(String name, List<@Nullable BigDecimal> members) {
        BigDecimal score() {
            return TeamAggregate.SUM.of(members);
        }
    }

    @Test
    void equalScoresShareARankAndTheNextSkips() {
        var ranked = Ranking.rank(List.of(p("甲", "90"), p("乙", "95"), p("丙", "90"), p("丁", "80")), Person::score, Ranking.noTieBreak());
        assertThat(ranked).extracting(r -> r.entry().name()).containsExactly("乙", "甲", "丙", "丁");
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 2, 2, 4);
    }

    @Test
    void peopleWithoutAScoreAreListedLastUnranked() {
        var ranked = Ranking.rank(List.of(new Person("缺考", null), p("甲", "0"), p("乙", "60")), Person::score, Ranking.noTieBreak());
        assertThat(ranked).extracting(r -> r.entry().name()).containsExactly("乙", "甲", "缺考");
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 2, null);
    }

    @Test
    void teamsOfEqualTotalAreSeparatedByTheirBestMember() {
        Team a = new Team("A", scores("90", "70", "60", "50", "30"));
        Team b = new Team("B", scores("80", "80", "70", "50", "20"));
        var ranked = Ranking.rank(List.of(b, a), Team::score, byMembers());
        assertThat(ranked).extracting(r -> r.entry().name()).containsExactly("A", "B");
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 2);
    }

    @Test
    void thenBySecondBestAndSoOn() {
        Team a = new Team("A", scores("90", "70", "60", "50", "30"));
        Team b = new Team("B", scores("90", "70", "61", "49", "30"));
        var ranked = Ranking.rank(List.of(a, b), Team::score, byMembers());
        assertThat(ranked).extracting(r -> r.entry().name()).containsExactly("B", "A");
    }

    @Test
    void teamsEqualMemberForMemberShareARank() {
        Team a = new Team("A", scores("90", "70", "60", "50", "30"));
        Team b = new Team("B", scores("30", "50", "60", "70", "90"));
        Team c = new Team("C", scores("10", "10", "10", "10", "10"));
        var ranked = Ranking.rank(List.of(c, a, b), Team::score, byMembers());
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 1, 3);
    }

    @Test
    void anAbsentMemberCountsZeroInTheTieBreak() {
        Team a = new Team("A", Arrays.asList(new BigDecimal("100"), null));
        Team b = new Team("B", scores("50", "50"));
        var ranked = Ranking.rank(List.of(b, a), Team::score, byMembers());
        assertThat(ranked).extracting(r -> r.entry().name()).containsExactly("A", "B");
    }

    @Test
    void withoutTieBreakEqualTeamsShare() {
        Team a = new Team("A", scores("90", "10"));
        Team b = new Team("B", scores("50", "50"));
        Comparator<Team> none = Comparator.comparing(Team::members, TeamTieBreak.NONE.comparator());
        assertThat(Ranking.rank(List.of(a, b), Team::score, none)).extracting(Ranking.Ranked::rank).containsExactly(1, 1);
    }

    private static Comparator<Team> byMembers() {
        return Comparator.comparing(Team::members, TeamTieBreak.MEMBER_SCORES.comparator());
    }

    static Person p(String name, String score) {
        return new Person(name, new BigDecimal(score));
    }

    static List<@Nullable BigDecimal> scores(String... values) {
        return Arrays.stream(values).map(v -> (BigDecimal) new BigDecimal(v)).toList();
    }
}
