package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.arena.org.OrgTree.OrgUnit;
import cn.arena.org.OrgUnitKind;
import cn.arena.shared.Ranking;
import cn.arena.shared.Refusal;
import cn.arena.shared.TrimmedMean;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of seed 003 besides the city selection: fields, minimum, interview, composite, awards, teams, recusal. */
class JiangsuRulesTest {

    private static final OrgUnit PROVINCE = new OrgUnit(1, "江苏省人社厅", OrgUnitKind.PROVINCE, null);
    private static final OrgUnit WUXI = new OrgUnit(2, "无锡市", OrgUnitKind.CITY, 1L);
    private static final OrgUnit JIANGYIN = new OrgUnit(3, "江阴市", OrgUnitKind.COUNTY, 2L);
    private static final OrgUnit TOWN = new OrgUnit(4, "澄江街道", OrgUnitKind.TOWN, 3L);
    private static final OrgUnit CITY_BUREAU = new OrgUnit(5, "无锡市人社局窗口", OrgUnitKind.DEPARTMENT, 2L);
    private static final OrgUnit PROVINCE_BUREAU = new OrgUnit(6, "省厅政务服务窗口", OrgUnitKind.DEPARTMENT, 1L);

    @Test
    void aPersonCompetesForTheirCountyTheirCityLevelOrTheProvinceLevel() {
        assertThat(Field.of(List.of(TOWN, JIANGYIN, WUXI, PROVINCE), 1)).contains(new Field(3, "江阴市", Field.Level.COUNTY));
        assertThat(Field.of(List.of(CITY_BUREAU, WUXI, PROVINCE), 1)).contains(new Field(2, "无锡市", Field.Level.CITY));
        assertThat(Field.of(List.of(WUXI, PROVINCE), 1)).contains(new Field(2, "无锡市", Field.Level.CITY));
        assertThat(Field.of(List.of(PROVINCE_BUREAU, PROVINCE), 1)).contains(new Field(1, "江苏省人社厅", Field.Level.PROVINCE));
        assertThat(Field.of(List.of(TOWN, JIANGYIN, WUXI), 1)).isEmpty();
        assertThat(Field.cityOf(List.of(TOWN, JIANGYIN, WUXI, PROVINCE), 1)).contains(WUXI);
        assertThat(Field.cityOf(List.of(PROVINCE_BUREAU, PROVINCE), 1)).isEmpty();
    }

    @Test
    void everyFieldBelowTenIsShortWithItsCountAndAFieldNobodyEnteredCountsZero() {
        Field county = new Field(3, "江阴市", Field.Level.COUNTY);
        Field city = new Field(2, "无锡市", Field.Level.CITY);
        Field province = new Field(1, "省厅本级", Field.Level.PROVINCE);

        var shortFields = new FieldMinimum(10).shortFields(List.of(county, city, province), Map.of(3L, 9, 2L, 10));

        assertThat(shortFields).containsExactly(new FieldMinimum.Short(county, 9), new FieldMinimum.Short(province, 0));
    }

    @Test
    void theInterviewScoreDropsOneHighestAndOneLowestAndRoundsHalfUpToTwoDecimals() {
        var mean = new TrimmedMean(1, 2);
        // 7 judges: drop 60 and 99; (85 + 86 + 88 + 90 + 92) / 5 = 88.2
        assertThat(mean.of(scores("85", "99", "60", "86", "88", "90", "92"))).contains(new BigDecimal("88.20"));
        // 6 judges (one recused): (80 + 81 + 81 + 82) / 4 = 81; then (80 + 80.01 + 80.01 + 80) / 4 = 80.005 → 80.01 half up
        assertThat(mean.of(scores("70", "80", "81", "81", "82", "95"))).contains(new BigDecimal("81.00"));
        assertThat(mean.of(scores("80", "80.01", "80.01", "80", "0", "100"))).contains(new BigDecimal("80.01"));
        assertThat(mean.of(scores("80", "90"))).isEmpty();
    }

    @Test
    void theCompositeWeighsEachPartAsAPercentageOfItsFullMarksAndRoundsOnlyTheSum() {
        var composite = new CompositeScore(List.of(new CompositeScore.Part("city", new BigDecimal("30")),
                new CompositeScore.Part("province-written", new BigDecimal("30")), new CompositeScore.Part("province-interview", new BigDecimal("40"))), 2);

        // 30 × 88.5/100 + 30 × 100/150 + 40 × 91.33/100 = 26.55 + 20 + 36.532 = 83.082 → 83.08
        assertThat(composite.of(Map.of("city", of("88.5", "100"), "province-written", of("100", "150"), "province-interview", of("91.33", "100"))))
                .contains(new BigDecimal("83.08"));
        // 30 × 1/150 = 0.2 exactly; 30 × 0.01/100 + 40 × 0.01/100 = 0.007: 0.207 → 0.21 (half up on the sum only)
        assertThat(composite.of(Map.of("city", of("0.01", "100"), "province-written", of("1", "150"), "province-interview", of("0.01", "100"))))
                .contains(new BigDecimal("0.21"));
        // the same score weighs by the paper it was sat on: 100 of 150 is 66.67 %, of 200 half
        assertThat(composite.percent(of("100", "150"))).isEqualByComparingTo("66.67");
        assertThat(composite.percent(of("100", "200"))).isEqualByComparingTo("50.00");
        assertThat(composite.of(Map.of("city", of("10", "100"), "province-written", of("10", "100")))).isEmpty();
        assertThatThrownBy(() -> new CompositeScore(List.of(new CompositeScore.Part("city", BigDecimal.TEN)), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> of("10", "0")).isInstanceOf(IllegalArgumentException.class);
    }

    private static CompositeScore.Scored of(String score, String fullMarks) {
        return new CompositeScore.Scored(new BigDecimal(score), new BigDecimal(fullMarks));
    }

    private final AwardRanges titles = new AwardRanges(List.of(
            new AwardRanges.Range("ZHISHITONG", "江苏省人社知识通", 1, 10),
            new AwardRanges.Range("LABOUR_MEDAL", "五一劳动奖章（申报）", 1, 1),
            new AwardRanges.Range("TECH_EXPERT", "江苏省技术能手", 1, 2),
            new AwardRanges.Range("INNOVATION_EXPERT", "江苏省五一创新能手", 2, 3)));

    @Test
    void onePersonHoldsEveryTitleTheirRankReaches() {
        assertThat(codes(titles.awards(1))).containsExactly("ZHISHITONG", "LABOUR_MEDAL", "TECH_EXPERT");
        assertThat(codes(titles.awards(2))).containsExactly("ZHISHITONG", "TECH_EXPERT", "INNOVATION_EXPERT");
        assertThat(codes(titles.awards(3))).containsExactly("ZHISHITONG", "INNOVATION_EXPERT");
        assertThat(codes(titles.awards(10))).containsExactly("ZHISHITONG");
        assertThat(titles.awards(11)).isEmpty();
        assertThat(titles.awards(null)).isEmpty();
    }

    @Test
    void entriesSharingARankShareItsAwardsEvenBeyondTheRangesPlaces() {
        var teams = new AwardRanges(List.of(new AwardRanges.Range("FIRST", "一等奖", 1, 2),
                new AwardRanges.Range("SECOND", "二等奖", 3, 5), new AwardRanges.Range("THIRD", "三等奖", 6, 9)));
        // ranks 1, 2, 2, 4: three FIRST (two share rank 2), the next is SECOND; ranks 9, 9 both THIRD; 11 nothing
        var ranked = Ranking.rank(scores("99", "98", "98", "97"), s -> s, Ranking.noTieBreak());
        assertThat(ranked).extracting(r -> codes(teams.awards(r.rank()))).containsExactly(
                List.of("FIRST"), List.of("FIRST"), List.of("FIRST"), List.of("SECOND"));
        assertThat(codes(teams.awards(9))).containsExactly("THIRD");
        assertThat(teams.awards(10)).isEmpty();
    }

    @Test
    void theNationalTeamTakesFourOfOneCityAndTheBestCompositeNotAmongThem() {
        var national = new NationalTeam(4);
        Map<Long, Long> cityOf = Map.of(1L, 10L, 2L, 10L, 3L, 10L, 4L, 10L, 5L, 20L, 6L, 20L);

        assertThat(national.form(List.of(1L, 2L, 3L, 4L), cityOf, List.of(5L, 1L, 6L)))
                .isEqualTo(new NationalTeam.Team(List.of(1L, 2L, 3L, 4L, 5L)));
        // the best composite (2) is already one of the four: the next in line (6) comes in — 递补
        assertThat(national.form(List.of(1L, 2L, 3L, 4L), cityOf, List.of(2L, 1L, 6L, 5L)))
                .isEqualTo(new NationalTeam.Team(List.of(1L, 2L, 3L, 4L, 6L)));
        assertThat(national.form(List.of(1L, 2L, 3L, 5L), cityOf, List.of(6L))).isInstanceOfSatisfying(NationalTeam.Refused.class,
                r -> assertThat(r.problems()).extracting(p -> p.rule()).containsExactly("ONE_CITY"));
        assertThat(national.form(List.of(1L, 2L, 3L), cityOf, List.of(6L))).isInstanceOfSatisfying(NationalTeam.Refused.class,
                r -> assertThat(r.problems()).extracting(p -> p.rule()).containsExactly("TEAM_SIZE"));
    }

    private static RegionalTeam.Candidate county(long id, String name, String... composites) {
        List<BigDecimal> scores = java.util.Arrays.stream(composites).map(BigDecimal::new).toList();
        List<Long> members = java.util.stream.LongStream.rangeClosed(id * 10 + 1, id * 10 + 4).boxed().toList();
        return new RegionalTeam.Candidate(id, name, scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add), scores, members);
    }

    @Test
    void theRegionalAlternateIsOneOfTheFirstCountyTeam() {
        List<RegionalTeam.Candidate> teams = List.of(county(2, "宜兴市", "80", "80", "80", "80"), county(1, "江阴市", "90", "85", "80", "75"));
        assertThat(RegionalTeam.of(teams, TeamTieBreak.MEMBER_SCORES, null, 13L))
                .isEqualTo(new RegionalTeam(1, List.of(11L, 12L, 13L, 14L), 13L));
        assertThatThrownBy(() -> RegionalTeam.of(teams, TeamTieBreak.MEMBER_SCORES, null, 21L)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.violations()).extracting(v -> v.field()).containsExactly("alternate"));
        assertThatThrownBy(() -> RegionalTeam.of(teams, TeamTieBreak.MEMBER_SCORES, null, null)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> RegionalTeam.of(List.of(), TeamTieBreak.MEMBER_SCORES, null, 13L)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT));
    }

    @Test
    void equalSumsGoToTheBetterBestMemberAndATrueTieIsForTheProvinceToName() {
        // 320 each: 江阴's best 90 beats 宜兴's 80s (the city round's rule for equal county sums)
        var jiangyin = county(1, "江阴市", "90", "85", "80", "65");
        var yixing = county(2, "宜兴市", "80", "80", "80", "80");
        assertThat(RegionalTeam.of(List.of(yixing, jiangyin), TeamTieBreak.MEMBER_SCORES, null, 11L).countyId()).isEqualTo(1);
        // with NONE the two are tied for first
        assertThatThrownBy(() -> RegionalTeam.of(List.of(yixing, jiangyin), TeamTieBreak.NONE, null, 11L)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.violations()).extracting(v -> v.rule()).containsExactly("TEAM_TIE"));
        // the same four composites: tied; the refusal names both, and the province names one of them
        var liyang = county(3, "溧阳市", "90", "85", "80", "65");
        assertThatThrownBy(() -> RegionalTeam.of(List.of(jiangyin, yixing, liyang), TeamTieBreak.MEMBER_SCORES, null, 11L))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                    assertThat(r.violations()).singleElement().satisfies(v -> {
                        assertThat(v.rule()).isEqualTo("TEAM_TIE");
                        assertThat(v.args()).containsExactly("江阴市、溧阳市");
                    });
                });
        assertThat(RegionalTeam.of(List.of(jiangyin, yixing, liyang), TeamTieBreak.MEMBER_SCORES, 3L, 31L))
                .isEqualTo(new RegionalTeam(3, List.of(31L, 32L, 33L, 34L), 31L));
        // naming a team that is not (jointly) first is refused on team
        assertThatThrownBy(() -> RegionalTeam.of(List.of(jiangyin, yixing, liyang), TeamTieBreak.MEMBER_SCORES, 2L, 21L))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations()).extracting(v -> v.field()).containsExactly("team"));
    }

    @Test
    void aJudgeOfTheContestantsCityOrInsideItIsRecusedAndOfTheProvinceForNoOne() {
        List<Long> countyJudge = List.of(3L, 2L, 1L);
        List<Long> provinceJudge = List.of(6L, 1L);
        assertThat(Recusal.recused(countyJudge, Optional.of(2L))).isTrue();
        assertThat(Recusal.recused(List.of(2L, 1L), Optional.of(2L))).isTrue();
        assertThat(Recusal.recused(countyJudge, Optional.of(7L))).isFalse();
        assertThat(Recusal.recused(provinceJudge, Optional.of(2L))).isFalse();
        assertThat(Recusal.recused(List.of(1L), Optional.of(2L))).isFalse();
        assertThat(Recusal.recused(countyJudge, Optional.empty())).isFalse();
        assertThat(Recusal.recused(List.of(), Optional.of(2L))).isFalse();
    }

    private static List<BigDecimal> scores(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static List<String> codes(List<AwardRanges.Range> ranges) {
        return ranges.stream().map(AwardRanges.Range::code).toList();
    }
}
