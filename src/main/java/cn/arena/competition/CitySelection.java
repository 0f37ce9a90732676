package cn.arena.competition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who a city sends on from its selection round (设区市选拔赛, seed 003 五（二）): its {@code teams} best county teams —
 * a county's team is its {@code teamSize} best written scores, scored by their sum — and then its
 * {@code individuals} best written scores among everyone else of the city (its city level and its counties): a
 * contestant already in a team is skipped and the next in line takes the place (递补).
 *
 * <p>Ties: written scores are ordered by {@link WrittenResult#betterFirst}; equal county sums go to the county whose
 * best member ranks higher in the city. A county with fewer than {@code teamSize} contestants who sat fields no team.
 * Contestants who did not sit are never selected.
 */
record CitySelection(int teams, int teamSize, int individuals, List<WrittenResult.TieBreak> tieBreaks) {

    /** A contestant of the city: {@code countyId} is their county, or null for the city level (市本级). */
    record Candidate(long personId, @Nullable Long countyId, @Nullable WrittenResult result) {}

    record CountyTeam(long countyId, BigDecimal score, List<Long> members) {}

    /**
     * @param skipped team members passed over while the individual places were filled (ranked above the last
     *                individual taken), in city order
     */
    record Selected(List<CountyTeam> teams, List<Long> individuals, List<Long> skipped) {

        List<Long> all() {
            List<Long> all = new ArrayList<>();
            teams.forEach(t -> all.addAll(t.members()));
            all.addAll(individuals);
            return all;
        }
    }

    CitySelection {
        if (teams < 0 || teamSize < 1 || individuals < 0) {
            throw new IllegalArgumentException("bad selection numbers");
        }
        tieBreaks = List.copyOf(tieBreaks);
    }

    Selected select(List<Candidate> candidates) {
        Comparator<WrittenResult> better = WrittenResult.betterFirst(tieBreaks);
        List<Candidate> cityOrder = candidates.stream().filter(c -> c.result() != null)
                .sorted(Comparator.comparing(Candidate::result, better)).toList();
        Map<Long, Integer> cityRank = new HashMap<>();
        for (int i = 0; i < cityOrder.size(); i++) {
            cityRank.put(cityOrder.get(i).personId(), i);
        }
        Map<Long, List<Candidate>> byCounty = new LinkedHashMap<>();
        for (Candidate c : cityOrder) {
            if (c.countyId() != null) {
                byCounty.computeIfAbsent(c.countyId(), k -> new ArrayList<>()).add(c);
            }
        }
        record Formed(CountyTeam team, int bestRank) {}
        List<Formed> formed = new ArrayList<>();
        byCounty.forEach((county, members) -> {
            if (members.size() >= teamSize) {
                List<Candidate> best = members.subList(0, teamSize);
                BigDecimal sum = best.stream().map(c -> c.result().score()).reduce(BigDecimal.ZERO, BigDecimal::add);
                formed.add(new Formed(new CountyTeam(county, sum, best.stream().map(Candidate::personId).toList()),
                        cityRank.get(best.get(0).personId())));
            }
        });
        List<CountyTeam> chosen = formed.stream()
                .sorted(Comparator.comparing((Formed f) -> f.team().score()).reversed().thenComparingInt(Formed::bestRank))
                .limit(teams).map(Formed::team).toList();
        Set<Long> inTeams = new HashSet<>();
        chosen.forEach(t -> inTeams.addAll(t.members()));
        List<Long> taken = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        for (Candidate c : cityOrder) {
            if (taken.size() == individuals) {
                break;
            }
            if (inTeams.contains(c.personId())) {
                skipped.add(c.personId());
            } else {
                taken.add(c.personId());
            }
        }
        return new Selected(chosen, taken, skipped);
    }

    /** The best {@code count} of a field that sends individuals only (the province level, 省厅本级). */
    List<Long> best(List<WrittenResult> results, int count) {
        return results.stream().sorted(WrittenResult.betterFirst(tieBreaks)).limit(count).map(WrittenResult::personId).toList();
    }
}
