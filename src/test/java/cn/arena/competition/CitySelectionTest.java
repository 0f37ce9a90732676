package cn.arena.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CitySelectionTest {

    private static final long A = 100, B = 200, C = 300;
    private static final Instant NINE = Instant.parse("2020-06-27T01:00:00Z");
    private final CitySelection rule = new CitySelection(2, 4, 5,
            List.of(WrittenResult.TieBreak.LESS_TIME, WrittenResult.TieBreak.EARLIER_SUBMIT));

    @Test
    void sendsTheTwoCountiesWithTheHighestSumOfTheirFourBest() {
        List<CitySelection.Candidate> city = new ArrayList<>();
        // county A: 4 best 90+80+70+60 = 300 (its 5th, 10, does not count); B: 85+85+85+85 = 340; C: 95+50+50+50 = 245
        city.addAll(county(A, 1, "90", "80", "70", "60", "10"));
        city.addAll(county(B, 11, "85", "85", "85", "85"));
        city.addAll(county(C, 21, "95", "50", "50", "50"));
        city.addAll(cityLevel(31, "40", "39", "38", "37", "36", "35"));

        var selected = rule.select(city);

        assertThat(selected.teams()).extracting(CitySelection.CountyTeam::countyId).containsExactly(B, A);
        assertThat(selected.teams()).extracting(CitySelection.CountyTeam::score)
                .containsExactly(new BigDecimal("340"), new BigDecimal("300"));
        assertThat(selected.teams().get(1).members()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void threeOfTheTopFiveInTeamsAreSkippedAndTheNextInLineComeIn() {
        List<CitySelection.Candidate> city = new ArrayList<>();
        city.addAll(county(A, 1, "99", "98", "60", "60"));          // team (317); 1 and 2 are the city's 1st and 2nd
        city.addAll(county(B, 11, "97", "70", "70", "70"));         // team (307); 11 is the city's 3rd
        city.addAll(county(C, 21, "96", "95", "20"));               // only 3 sat: no team; 21, 22 are 4th and 5th
        city.addAll(cityLevel(31, "94", "93", "92", "10"));

        var selected = rule.select(city);

        assertThat(selected.teams()).extracting(CitySelection.CountyTeam::countyId).containsExactly(A, B);
        assertThat(selected.skipped()).containsExactly(1L, 2L, 11L);
        assertThat(selected.individuals()).containsExactly(21L, 22L, 31L, 32L, 33L);
        assertThat(selected.all()).hasSize(13);
    }

    @Test
    void skippedHoldsOnlyTeamMembersRankedAboveTheFifthIndividualTaken() {
        List<CitySelection.Candidate> city = new ArrayList<>();
        city.addAll(county(A, 1, "50", "50", "50", "50"));
        city.addAll(county(B, 11, "40", "40", "40", "40"));
        city.addAll(cityLevel(31, "99", "98", "97", "96", "95", "94"));

        var selected = rule.select(city);

        assertThat(selected.individuals()).containsExactly(31L, 32L, 33L, 34L, 35L);
        assertThat(selected.skipped()).isEmpty();
    }

    @Test
    void equalCountySumsGoToTheCountyWhoseBestMemberRanksHigher() {
        List<CitySelection.Candidate> city = new ArrayList<>();
        city.addAll(county(A, 1, "80", "80", "80", "80"));   // 320, best 80
        city.addAll(county(B, 11, "95", "75", "75", "75"));  // 320, best 95: ranks higher
        city.addAll(county(C, 21, "90", "80", "70", "80"));  // 320, best 90
        city.addAll(cityLevel(31, "10", "10", "10", "10", "10"));

        assertThat(rule.select(city).teams()).extracting(CitySelection.CountyTeam::countyId).containsExactly(B, C);
    }

    @Test
    void equalWrittenScoresGoFirstToLessTimeUsedThenToTheEarlierSubmit() {
        var slow = new CitySelection.Candidate(1, null, result(1, "88", 50, 0));
        var fast = new CitySelection.Candidate(2, null, result(2, "88", 40, 30));
        var fastLater = new CitySelection.Candidate(3, null, result(3, "88", 40, 45));
        var fastEarlier = new CitySelection.Candidate(4, null, result(4, "88", 40, 10));
        var one = new CitySelection(0, 4, 3, rule.tieBreaks());

        assertThat(one.select(List.of(slow, fast, fastLater, fastEarlier)).individuals()).containsExactly(4L, 2L, 3L);
    }

    @Test
    void contestantsWhoDidNotSitAreNeverSelectedNorCountedInATeam() {
        List<CitySelection.Candidate> city = new ArrayList<>(county(A, 1, "90", "90", "90"));
        city.add(new CitySelection.Candidate(4, A, null));
        city.addAll(cityLevel(31, "10"));

        var selected = rule.select(city);

        assertThat(selected.teams()).isEmpty();
        assertThat(selected.individuals()).containsExactly(1L, 2L, 3L, 31L);
    }

    @Test
    void theProvinceLevelSendsItsBestTenByTheSameOrder() {
        List<WrittenResult> province = LongStream.rangeClosed(1, 12)
                .mapToObj(i -> result(i, String.valueOf(50 + i), 60, 0)).toList();

        assertThat(rule.best(province, 10)).containsExactly(12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L);
    }

    private static List<CitySelection.Candidate> county(long county, long firstPerson, String... scores) {
        return candidates(county, firstPerson, scores);
    }

    private static List<CitySelection.Candidate> cityLevel(long firstPerson, String... scores) {
        return candidates(null, firstPerson, scores);
    }

    private static List<CitySelection.Candidate> candidates(@Nullable Long county, long firstPerson, String... scores) {
        List<CitySelection.Candidate> out = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            out.add(new CitySelection.Candidate(firstPerson + i, county, result(firstPerson + i, scores[i], 60, 0)));
        }
        return out;
    }

    private static WrittenResult result(long person, String score, int minutesUsed, int secondsAfterNine) {
        return new WrittenResult(person, new BigDecimal(score), Duration.ofMinutes(minutesUsed), NINE.plusSeconds(secondsAfterNine));
    }
}
