package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.exam.ExamDirectory;
import cn.arena.exam.ExamInfo;
import cn.arena.marking.ExamResults;
import cn.arena.marking.ReleasedScore;
import cn.arena.shared.Ranking;
import cn.arena.shared.Refusal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What every stage operation starts from: the stage as the caller may see or manage it, and the teams taking part in
 * it with their scores. Sittings, standings, advancement, hand-entered scores and awards build on it.
 */
@Service
class Stages {

    /** A team as it takes part in a stage: who of it sits, and their scores; {@code playoff}: its tiebreak round's points. */
    record Entry(CompetitionStore.TeamRow team, String unitName, List<Long> personIds, List<@Nullable BigDecimal> scores,
            @Nullable BigDecimal score, @Nullable BigDecimal playoff) {}

    private final Competitions competitions;
    private final Registration registration;
    private final CompetitionStore store;
    private final ExamResults results;
    private final ExamDirectory exams;

    Stages(Competitions competitions, Registration registration, CompetitionStore store, ExamResults results, ExamDirectory exams) {
        this.competitions = competitions;
        this.registration = registration;
        this.store = store;
        this.results = results;
        this.exams = exams;
    }

    /** The stage and its competition, if the user may see the competition; otherwise 404. */
    public record StageOf(Competitions.Competition competition, CompetitionStore.StageRow stage) {}

    StageOf visible(CurrentUser user, long stageId) {
        CompetitionStore.StageRow stage = store.stage(stageId).orElseThrow(Refusal::notFound);
        return new StageOf(competitions.get(user, stage.competitionId()), stage);
    }

    StageOf managed(CurrentUser user, long stageId) {
        CompetitionStore.StageRow stage = store.stage(stageId).orElseThrow(Refusal::notFound);
        return new StageOf(competitions.manage(user, stage.competitionId()), stage);
    }

    List<Ranking.Ranked<Entry>> rankTeams(Competitions.Competition c, List<Entry> entries) {
        Comparator<Entry> tieBreak = Comparator.comparing(Entry::scores, c.rules().teamScore().tieBreak().comparator());
        return Ranking.rank(entries, Entry::score, Playoff.before(Entry::playoff, tieBreak));
    }

    /** Whether anything of the stage has been scored: a hand-entered team score or a released sitting. */
    boolean hasScores(CompetitionStore.StageRow stage) {
        return !store.teamScores(stage.id()).isEmpty()
                || store.sittings(stage.id()).stream().anyMatch(s -> results.isReleased(s.examId()));
    }

    /**
     * The teams taking part in a stage with who of each sits it: the first stage takes every approved team with all
     * its members; a later stage the teams that advanced into it, with their named finalists (all members until named).
     */
    List<Entry> entries(Competitions.Competition c, CompetitionStore.StageRow stage) {
        List<CompetitionStore.TeamRow> teams;
        Map<Long, List<Long>> finalists = Map.of();
        if (stage.position() == 0) {
            teams = store.teams(c.id()).stream().filter(t -> t.status() == CompetitionStore.TeamStatus.APPROVED).toList();
        } else {
            Set<Long> ids = new HashSet<>(store.stageTeams(stage.id()));
            teams = store.teams(c.id()).stream().filter(t -> ids.contains(t.id())).toList();
            finalists = store.finalists(stage.id());
        }
        Map<Long, BigDecimal> personScores = stage.kind() == StageKind.WRITTEN ? writtenScores(stage) : Map.of();
        Map<Long, CompetitionStore.TeamScore> teamScores = stage.kind() == StageKind.WRITTEN ? Map.of() : store.teamScores(stage.id());
        TeamAggregate aggregate = c.rules().teamScore().aggregate();
        List<Entry> entries = new ArrayList<>();
        for (CompetitionStore.TeamRow t : teams) {
            List<Long> personIds = finalists.getOrDefault(t.id(),
                    store.members(t.id()).stream().map(CompetitionStore.MemberRow::personId).toList());
            List<@Nullable BigDecimal> scores = personIds.stream().map(personScores::get).toList();
            CompetitionStore.TeamScore entered = teamScores.get(t.id());
            BigDecimal score = stage.kind() == StageKind.WRITTEN
                    ? (scores.stream().allMatch(x -> x == null) ? null : aggregate.of(scores))
                    : entered == null ? null : entered.score();
            entries.add(new Entry(t, registration.unitName(t.orgUnitId()), personIds, scores, score, entered == null ? null : entered.playoff()));
        }
        return entries;
    }

    /**
     * The people seated in a sitting of the stage whose exam results are released: only they can be absent (缺考);
     * anyone else has not sat yet, or waits for results.
     */
    Set<Long> releasedPeople(CompetitionStore.StageRow stage) {
        Set<Long> releasedSittings = store.sittings(stage.id()).stream().filter(s -> results.isReleased(s.examId()))
                .map(CompetitionStore.SittingRow::id).collect(Collectors.toSet());
        return store.seats(stage.id()).stream().filter(seat -> releasedSittings.contains(seat.sittingId()))
                .map(CompetitionStore.SeatRow::personId).collect(Collectors.toSet());
    }

    /** person → released score in the stage's sittings; people who did not sit are absent from the map. */
    private Map<Long, BigDecimal> writtenScores(CompetitionStore.StageRow stage) {
        Map<Long, BigDecimal> scores = new HashMap<>();
        releasedScores(stage).forEach((person, released) -> scores.put(person, released.score()));
        return scores;
    }

    /** person → the total points of the exam paper they were seated for in the stage: the full marks of their score. */
    Map<Long, BigDecimal> fullMarks(CompetitionStore.StageRow stage) {
        Map<Long, BigDecimal> sittingTotal = new HashMap<>();
        for (CompetitionStore.SittingRow sitting : store.sittings(stage.id())) {
            sittingTotal.put(sitting.id(), exams.find(sitting.examId()).map(ExamInfo::totalPoints).orElseThrow());
        }
        Map<Long, BigDecimal> marks = new HashMap<>();
        store.seats(stage.id()).forEach(seat -> marks.put(seat.personId(), sittingTotal.get(seat.sittingId())));
        return marks;
    }

    /** person → their released result (score, time used, submit time) in the stage's sittings; absent if they did not sit. */
    Map<Long, ReleasedScore> releasedScores(CompetitionStore.StageRow stage) {
        Map<Long, Long> sittingExam = store.sittings(stage.id()).stream()
                .collect(Collectors.toMap(CompetitionStore.SittingRow::id, CompetitionStore.SittingRow::examId));
        Map<Long, Map<Long, ReleasedScore>> byExam = new HashMap<>();
        Map<Long, ReleasedScore> scores = new HashMap<>();
        for (CompetitionStore.SeatRow seat : store.seats(stage.id())) {
            long examId = sittingExam.get(seat.sittingId());
            Map<Long, ReleasedScore> released = byExam.computeIfAbsent(examId, id -> results.released(id).stream()
                    .collect(Collectors.toMap(ReleasedScore::userId, r -> r, (a, b) -> a)));
            ReleasedScore score = released.get(seat.userId());
            if (score != null) {
                scores.put(seat.personId(), score);
            }
        }
        return scores;
    }
}
