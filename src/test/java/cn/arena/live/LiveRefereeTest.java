package cn.arena.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.arena.live.LiveEvent.BuzzResult;
import cn.arena.shared.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The referee and the fold together, as the log runs: each command's event applied to the state, every rule of every
 * round kind, and the state always equal to the fold of the whole log.
 */
class LiveRefereeTest {

    static final long A = 11, B = 12, C = 13;
    static final List<Long> JUDGES = List.of(101L, 102L, 103L, 104L, 105L);
    static final List<Round> ROUNDS = List.of(
            new Round(1, RoundKind.SPEED, "速答题", 1, null, 10, null, null, null, null, null, null, 30),
            new Round(2, RoundKind.BUZZER, "抢答题", null, 2, 10, 10, null, null, null, null, null, 20),
            new Round(3, RoundKind.RELAY, "接力答题", null, null, null, null, List.of(10, 20, 30), null, null, null, null, 30),
            new Round(4, RoundKind.RISK, "进阶风险题", null, null, null, null, null, List.of(10, 20, 30), 1, null, null, 60),
            new Round(5, RoundKind.ESSAY, "论述题", null, null, null, null, null, null, null, 20, 1, 300));

    private final List<LiveEvent> log = new ArrayList<>();
    private List<Round> rounds = ROUNDS;
    private LiveState state = LiveState.ready(new BigDecimal("100"), ROUNDS);
    private int commands;

    /** Runs this test's final on other rounds: the state before START and the setup both take them. */
    private void configure(List<Round> other) {
        rounds = other;
        state = LiveState.ready(new BigDecimal("100"), other);
    }

    private LiveEvent append(LiveEvent draft) {
        LiveEvent e = draft.numbered(log.size() + 1, Instant.parse("2026-11-20T06:00:00Z").plusSeconds(log.size()));
        log.add(e);
        state.apply(e);
        return e;
    }

    private LiveEvent command(String type) {
        return command(type, null, null, false, null, null, null, null);
    }

    private LiveEvent command(String type, @Nullable Boolean correct, @Nullable Integer tier, boolean tierGiven, @Nullable Long teamId,
            @Nullable BigDecimal points, @Nullable String reason, @Nullable List<Long> teamIds) {
        return append(LiveReferee.decide(state, new LiveCommand("c" + ++commands, type, correct, tier, tierGiven, teamId, points, reason,
                null, teamIds)));
    }

    private LiveEvent judge(boolean correct) {
        return command("JUDGE", correct, null, false, null, null, null, null);
    }

    private LiveEvent choose(@Nullable Integer tier) {
        return command("NEXT_QUESTION", null, tier, true, null, null, null, null);
    }

    private BuzzResult buzz(long team) {
        return append(LiveReferee.buzz(state, team, team * 10)).result();
    }

    private static String rule(Runnable r) {
        try {
            r.run();
        } catch (Refusal refusal) {
            return refusal.violations().isEmpty() ? refusal.messageKey() : String.valueOf(refusal.violations().get(0).rule() != null
                    ? refusal.violations().get(0).rule() : refusal.violations().get(0).field());
        }
        throw new AssertionError("not refused");
    }

    private void started() {
        List<LiveEvent.SeatedTeam> teams = new ArrayList<>();
        int seat = 1;
        for (long t : List.of(A, B, C)) {
            teams.add(new LiveEvent.SeatedTeam(t, "单位" + t, seat++, List.of(t * 10, t * 10 + 1, t * 10 + 2), Map.of(t * 100, t * 10),
                    t == A ? List.of(105L) : List.of()));
        }
        var plan = new LiveEvent.Plan(Map.of(1, List.of(1L, 2L, 3L), 2, List.of(4L, 5L), 3, List.of(6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L),
                5, List.of(15L, 16L, 17L)), Map.of(10, List.of(20L), 20, List.of(21L), 30, List.of(22L)), List.of(30L, 31L));
        append(LiveReferee.start(state, new LiveEvent.Setup(new BigDecimal("100"), rounds, plan, teams, JUDGES)));
    }

    private BigDecimal score(long team) {
        return state.score(team);
    }

    @Test
    void commandsBeforeStartAreRefusedAsNotRunning() {
        assertThat(rule(() -> LiveReferee.decide(state, new LiveCommand("x", "NEXT_ROUND", null, null, false, null, null, null, null, null))))
                .isEqualTo("NOT_RUNNING");
        assertThat(LiveReferee.buzz(state, A, 110L).result()).isEqualTo(BuzzResult.CLOSED);
    }

    @Test
    void speedRoundGivesTenForRightAndNothingForWrongInSeatOrder() {
        started();
        command("NEXT_ROUND");
        assertThat(command("NEXT_QUESTION").teamId()).isEqualTo(A);
        assertThat(state.phase).isEqualTo(LiveState.Phase.ANSWERING);
        assertThat(judge(true).points()).isEqualByComparingTo("10");
        assertThat(command("NEXT_QUESTION").teamId()).isEqualTo(B);
        assertThat(rule(() -> LiveReferee.decide(state, new LiveCommand("y", "NEXT_ROUND", null, null, false, null, null, null, null, null))))
                .isEqualTo("ROUND_NOT_OVER");
        judge(false);
        command("NEXT_QUESTION");
        assertThat(command("TIMEOUT").points()).isEqualByComparingTo("0");
        assertThat(rule(() -> command("NEXT_QUESTION"))).isEqualTo("ROUND_OVER");
        assertThat(List.of(score(A), score(B), score(C))).extracting(BigDecimal::intValue).containsExactly(110, 100, 100);
    }

    private void toRound(int no) {
        started();
        for (int r = 1; r < no; r++) {
            command("NEXT_ROUND");
            while (state.asked < state.roundLength()) {
                if (state.round.kind() == RoundKind.RISK) {
                    choose(null);
                    continue;
                }
                command("NEXT_QUESTION");
                if (state.round.kind() == RoundKind.BUZZER) {
                    command("TIMEOUT");
                } else {
                    judge(false);
                }
            }
        }
        command("NEXT_ROUND");
    }

    @Test
    void earlyBuzzIsAFoulOnceAndLocksTheTeamOutOfTheQuestion() {
        toRound(2);
        command("NEXT_QUESTION");
        assertThat(state.phase).isEqualTo(LiveState.Phase.SHOWN);
        assertThat(buzz(A)).isEqualTo(BuzzResult.EARLY);
        assertThat(buzz(A)).isEqualTo(BuzzResult.LOCKED);
        assertThat(score(A)).isEqualByComparingTo("90");
        command("OPEN");
        assertThat(buzz(A)).isEqualTo(BuzzResult.LOCKED);
        assertThat(buzz(B)).isEqualTo(BuzzResult.WON);
        assertThat(buzz(C)).isEqualTo(BuzzResult.LATE);
        assertThat(buzz(C)).isEqualTo(BuzzResult.LOCKED);
        assertThat(state.teamId).isEqualTo(B);
        assertThat(log.stream().filter(e -> e.result() == BuzzResult.WON)).hasSize(1);
        assertThat(score(A)).as("the foul counted once").isEqualByComparingTo("90");
    }

    @Test
    void anEarlyBuzzCostsTheRoundsConfiguredFoulWhichNeedNotBeItsPoints() {
        List<Round> foulOfFive = new ArrayList<>(ROUNDS);
        foulOfFive.set(1, new Round(2, RoundKind.BUZZER, "抢答题", null, 2, 20, 5, null, null, null, null, null, 20));
        configure(foulOfFive);
        toRound(2);
        command("NEXT_QUESTION");
        assertThat(buzz(A)).isEqualTo(BuzzResult.EARLY);
        assertThat(score(A)).as("the foul of 5, not the round's 20 points").isEqualByComparingTo("95");
        command("OPEN");
        assertThat(buzz(B)).isEqualTo(BuzzResult.WON);
        judge(true);
        command("NEXT_QUESTION");
        command("OPEN");
        buzz(C);
        judge(false);
        assertThat(List.of(score(A), score(B), score(C))).extracting(BigDecimal::intValue).containsExactly(95, 120, 80);
        LiveState replayed = LiveState.fold(new BigDecimal("100"), rounds, log);
        assertThat(List.of(replayed.score(A), replayed.score(B), replayed.score(C))).extracting(BigDecimal::intValue).containsExactly(95, 120, 80);
    }

    @Test
    void wrongBuzzerAnswerLosesTenAndEndsTheQuestion() {
        toRound(2);
        command("NEXT_QUESTION");
        assertThat(rule(() -> judge(true))).isEqualTo("NO_ANSWERER");
        command("OPEN");
        buzz(C);
        assertThat(judge(false).points()).isEqualByComparingTo("-10");
        assertThat(state.phase).isEqualTo(LiveState.Phase.REVEALED);
        assertThat(buzz(A)).as("the question is over").isEqualTo(BuzzResult.CLOSED);
        assertThat(score(C)).isEqualByComparingTo("90");
        command("NEXT_QUESTION");
        command("OPEN");
        assertThat(command("TIMEOUT").points()).as("nobody buzzed: no points").isNull();
        assertThat(state.roundOver()).isTrue();
    }

    @Test
    void relayMembersAnswerInOrderByTheChainRule() {
        toRound(3);
        List<Long> persons = new ArrayList<>();
        List<BigDecimal> earned = new ArrayList<>();
        boolean[][] answers = {{true, true, true}, {false, true, true}, {true, false, true}};
        for (boolean[] team : answers) {
            for (boolean right : team) {
                persons.add(command("NEXT_QUESTION").personId());
                earned.add(judge(right).points());
            }
        }
        assertThat(persons).containsExactly(110L, 111L, 112L, 120L, 121L, 122L, 130L, 131L, 132L);
        assertThat(earned).extracting(BigDecimal::intValue).containsExactly(10, 20, 30, 0, 10, 30, 10, 0, 20);
        assertThat(List.of(score(A), score(B), score(C))).extracting(BigDecimal::intValue).containsExactly(160, 140, 130);
    }

    @Test
    void riskTurnsGoToTheLowestScoreFirstAndAnExhaustedTierCannotBeChosen() {
        started();
        command("ADJUST", null, null, false, A, new BigDecimal("20"), "仲裁：A队加分", null);
        command("ADJUST", null, null, false, B, new BigDecimal("-5"), "仲裁：B队扣分", null);
        for (int r = 1; r <= 3; r++) {
            command("NEXT_ROUND");
            while (state.asked < state.roundLength()) {
                command("NEXT_QUESTION");
                if (state.round.kind() == RoundKind.BUZZER) {
                    command("TIMEOUT");
                } else {
                    judge(false);
                }
            }
        }
        command("NEXT_ROUND");
        // scores A 120, B 95, C 100: B chooses first, then C, then A
        assertThat(rule(() -> command("NEXT_QUESTION"))).as("a tier or a decline must be given").isEqualTo("tier");
        LiveEvent b = choose(20);
        assertThat(b.teamId()).isEqualTo(B);
        assertThat(b.tier()).isEqualTo(20);
        assertThat(judge(true).points()).isEqualByComparingTo("20");
        // B 115 now; C 100 is the lowest
        assertThat(rule(() -> choose(20))).isEqualTo("TIER_EXHAUSTED");
        assertThat(state.asked).as("nothing changed").isEqualTo(1);
        LiveEvent c = choose(30);
        assertThat(c.teamId()).isEqualTo(C);
        assertThat(judge(false).points()).isEqualByComparingTo("-30");
        LiveEvent a = choose(null);
        assertThat(a.type()).isEqualTo(LiveEvent.Type.RISK_DECLINED);
        assertThat(a.teamId()).isEqualTo(A);
        assertThat(state.roundOver()).isTrue();
        assertThat(List.of(score(A), score(B), score(C))).extracting(BigDecimal::intValue).containsExactly(120, 115, 70);
    }

    @Test
    void essayIsTheTrimmedMeanOfTheJudgesNotRecusedAndWaitsForAllOfThem() {
        toRound(5);
        command("NEXT_QUESTION");
        assertThat(state.teamId).isEqualTo(A);
        assertThat(rule(() -> LiveReferee.essayScore(state, 105, BigDecimal.TEN))).isEqualTo("RECUSAL");
        assertThatThrownBy(() -> LiveReferee.essayScore(state, 999, BigDecimal.TEN)).as("not on the panel sat at START")
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        assertThat(rule(() -> LiveReferee.essayScore(state, 101, new BigDecimal("20.5")))).isEqualTo("points");
        append(LiveReferee.essayScore(state, 101, new BigDecimal("18")));
        append(LiveReferee.essayScore(state, 102, new BigDecimal("12.34")));
        append(LiveReferee.essayScore(state, 103, new BigDecimal("12.35")));
        assertThat(rule(() -> command("JUDGE"))).isEqualTo("SCORES_MISSING");
        append(LiveReferee.essayScore(state, 104, new BigDecimal("10")));
        append(LiveReferee.essayScore(state, 101, new BigDecimal("20")));
        // A: 10, 12.34, 12.35, 20 (judge 101 replaced 18 by 20; 105 recused) → mean of 12.34 and 12.35 = 12.345 → 12.35
        assertThat(command("JUDGE").points()).isEqualTo(new BigDecimal("12.35"));
        assertThat(score(A)).isEqualByComparingTo("112.35");
    }

    @Test
    void undoRevertsTheLastScoreChangeByANewEventAndNeedsAReason() {
        started();
        command("NEXT_ROUND");
        command("NEXT_QUESTION");
        judge(true);
        command("ADJUST", null, null, false, C, new BigDecimal("-5"), "仲裁", null);
        assertThat(rule(() -> command("UNDO", null, null, false, null, null, " ", null))).isEqualTo("reason");
        assertThat(rule(() -> command("ADJUST", null, null, false, C, new BigDecimal("5"), null, null))).isEqualTo("reason");
        LiveEvent undone = command("UNDO", null, null, false, null, null, "误判", null);
        assertThat(undone.teamId()).isEqualTo(C);
        assertThat(undone.points()).isEqualByComparingTo("5");
        LiveEvent again = command("UNDO", null, null, false, null, null, "评委复核", null);
        assertThat(again.teamId()).isEqualTo(A);
        assertThat(again.points()).isEqualByComparingTo("-10");
        assertThat(rule(() -> command("UNDO", null, null, false, null, null, "再撤销", null))).isEqualTo("NOTHING_TO_UNDO");
        assertThat(score(A)).isEqualByComparingTo("100");
        assertThat(score(C)).isEqualByComparingTo("100");
    }

    @Test
    void tiebreakOrdersTheTiedTeamsWithoutAddingToTheirScores() {
        toRound(5);
        for (long t : List.of(A, B, C)) {
            command("NEXT_QUESTION");
            for (long j : JUDGES) {
                if (!(t == A && j == 105)) {
                    append(LiveReferee.essayScore(state, j, new BigDecimal("10")));
                }
            }
            command("JUDGE");
        }
        assertThat(rule(() -> command("TIEBREAK", null, null, false, null, null, null, List.of(A)))).isEqualTo("teamIds");
        assertThat(score(A)).isEqualByComparingTo(score(C));
        assertThat(rule(() -> command("TIEBREAK", null, null, false, null, null, null, List.of(A, B)))).as("C is tied too").isEqualTo("TIE_INCOMPLETE");
        command("ADJUST", null, null, false, C, new BigDecimal("1"), "仲裁", null);
        assertThat(rule(() -> command("TIEBREAK", null, null, false, null, null, null, List.of(A, C)))).isEqualTo("NOT_TIED");
        command("TIEBREAK", null, null, false, null, null, null, List.of(A, B));
        command("NEXT_QUESTION");
        command("OPEN");
        assertThat(buzz(C)).as("not in the tiebreak").isEqualTo(BuzzResult.LOCKED);
        assertThat(buzz(B)).isEqualTo(BuzzResult.WON);
        LiveEvent right = judge(true);
        assertThat(right.points()).isNull();
        assertThat(right.tiebreakPoints()).isEqualByComparingTo("10");
        command("NEXT_QUESTION");
        command("TIMEOUT");
        command("FINISH");
        assertThat(score(A)).isEqualByComparingTo(score(B));
        assertThat(FinalStandings.of(state)).extracting(FinalStandings.Ranked::teamId).containsExactly(C, B, A);
        assertThat(FinalStandings.of(state)).extracting(FinalStandings.Ranked::rank).containsExactly(1, 2, 3);
    }

    @Test
    void finishIsRefusedBeforeTheLastRoundIsOver() {
        toRound(4);
        assertThat(rule(() -> command("FINISH"))).isEqualTo("ROUND_NOT_OVER");
    }

    @Test
    void theStateIsTheFoldOfItsLog() {
        toRound(2);
        command("NEXT_QUESTION");
        buzz(A);
        command("OPEN");
        buzz(B);
        LiveState replayed = LiveState.fold(new BigDecimal("100"), ROUNDS, log);
        assertThat(replayed.seq).isEqualTo(state.seq).isEqualTo(log.size());
        assertThat(replayed.phase).isEqualTo(state.phase);
        assertThat(replayed.teamId).isEqualTo(B);
        assertThat(replayed.questionId).isEqualTo(state.questionId);
        assertThat(replayed.buzzes).isEqualTo(state.buzzes);
        for (long t : List.of(A, B, C)) {
            assertThat(replayed.score(t)).isEqualByComparingTo(state.score(t));
        }
    }
}
