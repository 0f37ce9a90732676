package cn.arena.live;

import cn.arena.live.LiveEvent.BuzzResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A final's state: the fold of its event log. {@link #fold} is the one function from events to state; {@link #apply}
 * takes one more event. Nothing here decides anything (that is {@link LiveReferee}): an event in the log is a fact.
 * Before START the state is READY with the configured rounds and no teams seated.
 */
final class LiveState {

    enum Status { READY, RUNNING, FINISHED }

    enum Phase { READY, SHOWN, OPEN, ANSWERING, REVEALED }

    static final class Team {
        final LiveEvent.SeatedTeam seated;
        BigDecimal points = BigDecimal.ZERO;
        BigDecimal tiebreakPoints = BigDecimal.ZERO;

        Team(LiveEvent.SeatedTeam seated) {
            this.seated = seated;
        }

        long id() {
            return seated.teamId();
        }
    }

    record Buzz(long seq, Instant at, long teamId, @Nullable Long personId, BuzzResult result) {}

    /** An event that changed a score and has not been undone. */
    record ScoreChange(long seq, long teamId, BigDecimal points) {}

    Status status = Status.READY;
    long seq;
    BigDecimal baseScore;
    List<Round> rounds;
    LiveEvent.Plan plan = new LiveEvent.Plan(Map.of(), Map.of(), List.of());
    List<Long> judges = List.of();
    final Map<Long, Team> teams = new LinkedHashMap<>();

    @Nullable Round round;
    boolean tiebreak;
    List<Long> tiebreakTeams = List.of();
    @Nullable Phase phase;
    /** Questions (RISK: turns, declines included) taken in the current round so far. */
    int asked;
    @Nullable Long teamId;
    @Nullable Long personId;
    @Nullable Integer tier;
    @Nullable Long questionId;
    @Nullable Instant shownAt;
    @Nullable Instant deadline;
    final Set<Long> buzzedTeams = new HashSet<>();
    final List<Buzz> buzzes = new ArrayList<>();
    boolean previousCorrect;
    final Set<Long> riskDone = new HashSet<>();
    final Map<Integer, Integer> tierUsed = new HashMap<>();
    final Map<Long, BigDecimal> essayScores = new LinkedHashMap<>();
    final Deque<ScoreChange> changes = new ArrayDeque<>();

    private LiveState(BigDecimal baseScore, List<Round> rounds) {
        this.baseScore = baseScore;
        this.rounds = rounds;
    }

    static LiveState ready(BigDecimal baseScore, List<Round> rounds) {
        return new LiveState(baseScore, rounds);
    }

    static LiveState fold(BigDecimal baseScore, List<Round> rounds, List<LiveEvent> events) {
        LiveState state = ready(baseScore, rounds);
        events.forEach(state::apply);
        return state;
    }

    BigDecimal score(long teamId) {
        return baseScore.add(teams.get(teamId).points);
    }

    List<Team> seats() {
        return List.copyOf(teams.values());
    }

    /** Whether the current round has asked all it asks and its last question is over (true before any round). */
    boolean roundOver() {
        if (round == null) {
            return true;
        }
        boolean questionOver = phase == Phase.READY || phase == Phase.REVEALED;
        return questionOver && asked >= roundLength();
    }

    int roundLength() {
        Round r = round;
        if (r == null) {
            return 0;
        }
        if (tiebreak) {
            return plan.tiebreak().size();
        }
        return r.kind() == RoundKind.RISK ? teams.size() : r.questionsNeeded(teams.size());
    }

    int roundIndex() {
        return round == null ? -1 : rounds.indexOf(round);
    }

    void apply(LiveEvent e) {
        seq = e.seq();
        switch (e.type()) {
            case STARTED -> start(e.setup());
            case ROUND_BEGUN -> {
                round = rounds.get(e.round() - 1);
                beginRound();
            }
            case QUESTION_SHOWN -> show(e);
            case RISK_DECLINED -> {
                asked++;
                riskDone.add(e.teamId());
                clearQuestion();
                phase = Phase.READY;
            }
            case OPENED -> phase = Phase.OPEN;
            case BUZZED -> buzz(e);
            case JUDGED, TIMED_OUT -> {
                score(e);
                if (round != null && round.kind() == RoundKind.RELAY) {
                    previousCorrect = Boolean.TRUE.equals(e.correct());
                }
                phase = Phase.REVEALED;
                deadline = null;
            }
            case ESSAY_SCORED -> essayScores.put(e.judgeId(), e.score());
            case ADJUSTED -> score(e);
            case UNDONE -> {
                changes.removeIf(c -> c.seq() == e.reverts());
                teams.get(e.teamId()).points = teams.get(e.teamId()).points.add(e.points());
            }
            case TIEBREAK_BEGUN -> {
                tiebreak = true;
                tiebreakTeams = List.copyOf(e.teams());
                round = new Round(rounds.size() + 1, RoundKind.BUZZER, "附加赛", null, plan.tiebreak().size(),
                        rounds.stream().filter(r -> r.kind() == RoundKind.BUZZER).findFirst().map(Round::points).orElse(10),
                        rounds.stream().filter(r -> r.kind() == RoundKind.BUZZER).findFirst().map(Round::foul).orElse(10),
                        null, null, null, null, null,
                        rounds.stream().filter(r -> r.kind() == RoundKind.BUZZER).findFirst().map(Round::seconds).orElse(20));
                beginRound();
            }
            case FINISHED -> {
                status = Status.FINISHED;
                phase = null;
                clearQuestion();
            }
        }
    }

    private void start(LiveEvent.@Nullable Setup setup) {
        if (setup == null) {
            throw new IllegalStateException("STARTED without its setup");
        }
        status = Status.RUNNING;
        baseScore = setup.baseScore();
        rounds = setup.rounds();
        plan = setup.plan();
        judges = setup.judges();
        teams.clear();
        setup.teams().forEach(t -> teams.put(t.teamId(), new Team(t)));
    }

    private void beginRound() {
        asked = 0;
        phase = Phase.READY;
        previousCorrect = false;
        riskDone.clear();
        tierUsed.clear();
        clearQuestion();
    }

    private void clearQuestion() {
        teamId = null;
        personId = null;
        tier = null;
        questionId = null;
        shownAt = null;
        deadline = null;
        buzzedTeams.clear();
        buzzes.clear();
        essayScores.clear();
    }

    private void show(LiveEvent e) {
        clearQuestion();
        Round r = round;
        asked++;
        questionId = e.questionId();
        teamId = e.teamId();
        personId = e.personId();
        tier = e.tier();
        shownAt = e.at();
        if (r != null && r.kind() == RoundKind.RISK && e.teamId() != null && e.tier() != null) {
            riskDone.add(e.teamId());
            tierUsed.merge(e.tier(), 1, Integer::sum);
        }
        if (r != null && r.kind() == RoundKind.RELAY && e.personId() != null && teams.get(e.teamId()).seated.personIds().indexOf(e.personId()) == 0) {
            previousCorrect = false;
        }
        boolean buzzer = r != null && r.kind() == RoundKind.BUZZER;
        phase = buzzer ? Phase.SHOWN : Phase.ANSWERING;
        deadline = buzzer || r == null ? null : e.at().plusSeconds(r.seconds());
    }

    private void buzz(LiveEvent e) {
        BuzzResult result = e.result();
        Long team = e.teamId();
        if (result == null || team == null) {
            return;
        }
        buzzes.add(new Buzz(e.seq(), e.at(), team, e.personId(), result));
        if (result == BuzzResult.CLOSED) {
            return;
        }
        buzzedTeams.add(team);
        score(e);
        if (result == BuzzResult.WON) {
            phase = Phase.ANSWERING;
            teamId = team;
            personId = e.personId();
            deadline = round == null ? null : e.at().plusSeconds(round.seconds());
        }
    }

    private void score(LiveEvent e) {
        if (e.teamId() == null) {
            return;
        }
        Team team = teams.get(e.teamId());
        if (e.points() != null && e.points().signum() != 0) {
            team.points = team.points.add(e.points());
            changes.push(new ScoreChange(e.seq(), e.teamId(), e.points()));
        }
        if (e.tiebreakPoints() != null) {
            team.tiebreakPoints = team.tiebreakPoints.add(e.tiebreakPoints());
        }
    }
}
