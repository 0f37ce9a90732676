package cn.arena.competition;

import cn.arena.shared.TrimmedMean;
import java.math.BigDecimal;
import java.util.List;

/**
 * The rules of a competition whose contestants enter one by one and are selected level by level through a province
 * (seed 003's 设区市选拔赛 → 全省选拔赛 → 区域赛 → 全国赛), as its template states them. Where seed 000 forms teams of
 * units at registration, this forms county teams from the city round's scores.
 */
public record SelectionRules(Entry entry, City city, Interview interview, Composite composite, Awards awards, Regional regional,
        National national) {

    /** Entries one by one; every field (county, city level, province level) needs {@code fieldMinimum} before entries close. */
    public record Entry(int fieldMinimum) {

        FieldMinimum rule() {
            return new FieldMinimum(fieldMinimum);
        }
    }

    /**
     * Selection from stage {@code from} into {@code to}: per city {@code countyTeams} county teams of {@code teamSize}
     * and {@code individuals} more (递补 past team members); {@code provinceLevel} from the province level.
     */
    public record City(String from, String to, int countyTeams, int teamSize, int individuals, int provinceLevel,
            List<WrittenResult.TieBreak> tieBreak) {

        public City {
            tieBreak = List.copyOf(tieBreak);
            new CitySelection(countyTeams, teamSize, individuals, tieBreak); // refuses impossible numbers when read
        }

        CitySelection rule() {
            return new CitySelection(countyTeams, teamSize, individuals, tieBreak);
        }
    }

    /** The interview stage: judges score 0..{@code maxPoints}; the score is the trimmed mean ({@code trim}, {@code scale} decimals). */
    public record Interview(String stage, BigDecimal maxPoints, int trim, int scale) {

        public Interview {
            new TrimmedMean(trim, scale); // refuses a negative trim or scale when read
        }

        TrimmedMean rule() {
            return new TrimmedMean(trim, scale);
        }
    }

    /** The composite's parts and their weights (percent); the sum rounded half up to {@code scale} decimals. */
    public record Composite(List<CompositeScore.Part> parts, int scale) {

        public Composite {
            parts = List.copyOf(parts);
            new CompositeScore(parts, scale); // refuses weights that do not add up when the template is read
        }

        CompositeScore rule() {
            return new CompositeScore(parts, scale);
        }
    }

    /** Award ranges by composite rank: of individuals, of the selected county teams, of the cities. */
    public record Awards(List<AwardRanges.Range> individual, List<AwardRanges.Range> team, List<AwardRanges.Range> organisations) {}

    /**
     * The regional stage's team: the first county team by composite, {@code alternates} of it named as 替补; equal sums
     * separated by {@code tieBreak} over the members' composites, a tie still left named by the province.
     */
    public record Regional(String stage, int alternates, TeamTieBreak tieBreak) {}

    /** The national stage's team: {@code cityMembers} of one city plus the best composite not among them. */
    public record National(String stage, int cityMembers) {

        NationalTeam rule() {
            return new NationalTeam(cityMembers);
        }
    }
}
