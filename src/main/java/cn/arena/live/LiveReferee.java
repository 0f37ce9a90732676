package cn.arena.live;

import cn.arena.live.LiveEvent.BuzzResult;
import cn.arena.live.LiveEvent.Type;
import cn.arena.live.LiveState.Phase;
import cn.arena.live.LiveState.Status;
import cn.arena.shared.Refusal;
import cn.arena.shared.TrimmedMean;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The referee of a final: given the state and a command (or a buzz, or a judge's score), the one event it makes, or a
 * refusal naming the rule it breaks. The round rules live here and in the small rule types it uses; the referee
 * never changes the state itself — the event, once in the log, does.
 */
final class LiveReferee {

    private LiveReferee() {}

    static LiveEvent start(LiveState s, LiveEvent.Setup setup) {
        if (s.status != Status.READY) {
            throw LiveRules.broken("ALREADY_STARTED");
        }
        return LiveEvent.of(Type.STARTED).setup(setup);
    }

    static LiveEvent decide(LiveState s, LiveCommand c) {
        if (s.status != Status.RUNNING) {
            throw LiveRules.broken("NOT_RUNNING");
        }
        return switch (c.type()) {
            case "NEXT_ROUND" -> nextRound(s);
            case "NEXT_QUESTION" -> nextQuestion(s, c);
            case "OPEN" -> {
                if (s.phase != Phase.SHOWN) {
                    throw LiveRules.broken("NOT_SHOWN");
                }
                yield LiveEvent.of(Type.OPENED);
            }
            case "JUDGE" -> judge(s, c.correct());
            case "TIMEOUT" -> timeout(s);
            case "ADJUST" -> adjust(s, c);
            case "UNDO" -> undo(s, c);
            case "TIEBREAK" -> tiebreak(s, c);
            case "FINISH" -> {
                if (s.roundIndex() < s.rounds.size() - 1 && !s.tiebreak || !s.roundOver()) {
                    throw LiveRules.broken("ROUND_NOT_OVER");
                }
                yield LiveEvent.of(Type.FINISHED);
            }
            default -> throw LiveRules.invalid("type", "live.command.type");
        };
    }

    private static LiveEvent nextRound(LiveState s) {
        if (!s.roundOver()) {
            throw LiveRules.broken("ROUND_NOT_OVER");
        }
        if (s.tiebreak || s.roundIndex() + 1 >= s.rounds.size()) {
            throw LiveRules.broken("NO_MORE_ROUNDS");
        }
        return LiveEvent.of(Type.ROUND_BEGUN).question(s.roundIndex() + 2, null, null);
    }

    private static LiveEvent nextQuestion(LiveState s, LiveCommand c) {
        Round r = s.round;
        if (r == null) {
            throw LiveRules.broken("NO_ROUND");
        }
        if (s.phase != Phase.READY && s.phase != Phase.REVEALED) {
            throw LiveRules.broken("QUESTION_NOT_OVER");
        }
        if (s.asked >= s.roundLength()) {
            throw LiveRules.broken("ROUND_OVER");
        }
        List<LiveState.Team> seats = s.seats();
        int k = s.asked;
        LiveEvent shown = LiveEvent.of(Type.QUESTION_SHOWN);
        if (s.tiebreak) {
            return shown.question(r.no(), s.plan.tiebreak().get(k), null);
        }
        List<Long> questions = s.plan.rounds().getOrDefault(r.no(), List.of());
        return switch (r.kind()) {
            case SPEED -> shown.question(r.no(), questions.get(k), null).team(seats.get(k % seats.size()).id(), null);
            case BUZZER -> shown.question(r.no(), questions.get(k), null);
            case RELAY -> {
                int members = r.valuesOrEmpty().size();
                LiveState.Team team = seats.get(k / members);
                yield shown.question(r.no(), questions.get(k), null).team(team.id(), team.seated.personIds().get(k % members));
            }
            case RISK -> riskTurn(s, r, c);
            case ESSAY -> shown.question(r.no(), questions.get(k), null).team(seats.get(k).id(), null);
        };
    }

    private static LiveEvent riskTurn(LiveState s, Round r, LiveCommand c) {
        long team = RiskOrder.next(s.seats().stream().filter(t -> !s.riskDone.contains(t.id()))
                .map(t -> new RiskOrder.Candidate(t.id(), t.seated.seat(), s.score(t.id()))).toList()).orElseThrow();
        if (!c.tierGiven()) {
            throw LiveRules.invalid("tier", "live.command.tier.required");
        }
        Integer tier = c.tier();
        if (tier == null) {
            return LiveEvent.of(Type.RISK_DECLINED).team(team, null).question(r.no(), null, null);
        }
        if (!r.tiersOrEmpty().contains(tier)) {
            throw LiveRules.invalid("tier", "live.command.tier.unknown", r.tiersOrEmpty());
        }
        int used = s.tierUsed.getOrDefault(tier, 0);
        List<Long> questions = s.plan.tiers().getOrDefault(tier, List.of());
        if (used >= questions.size() || r.perTier() != null && used >= r.perTier()) {
            throw LiveRules.broken("TIER_EXHAUSTED");
        }
        return LiveEvent.of(Type.QUESTION_SHOWN).question(r.no(), questions.get(used), tier).team(team, null);
    }

    private static LiveEvent judge(LiveState s, @Nullable Boolean correct) {
        Round r = s.round;
        if (r == null || s.phase != Phase.ANSWERING || s.teamId == null) {
            throw LiveRules.broken("NO_ANSWERER");
        }
        LiveEvent judged = LiveEvent.of(Type.JUDGED).team(s.teamId, s.personId).question(r.no(), s.questionId, s.tier);
        if (r.kind() == RoundKind.ESSAY) {
            Set<Long> due = new HashSet<>(s.judges);
            due.removeAll(s.teams.get(s.teamId).seated.recusedJudges());
            if (!s.essayScores.keySet().containsAll(due)) {
                throw LiveRules.broken("SCORES_MISSING");
            }
            BigDecimal mean = new TrimmedMean(r.trim() == null ? 0 : r.trim(), 2).orPlainMean(s.essayScores.values());
            return judged.points(mean, null);
        }
        if (correct == null) {
            throw LiveRules.invalid("correct", "live.command.correct.required");
        }
        return judged.judged(correct, null).points(earned(s, r, correct), null).withTiebreak(s.tiebreak);
    }

    private static LiveEvent timeout(LiveState s) {
        Round r = s.round;
        if (r != null && r.kind() == RoundKind.BUZZER && (s.phase == Phase.SHOWN || s.phase == Phase.OPEN)) {
            return LiveEvent.of(Type.TIMED_OUT).question(r.no(), s.questionId, null);
        }
        if (r == null || s.phase != Phase.ANSWERING || s.teamId == null) {
            throw LiveRules.broken("NO_ANSWERER");
        }
        if (r.kind() == RoundKind.ESSAY) {
            throw LiveRules.broken("JUDGED_BY_PANEL");
        }
        return LiveEvent.of(Type.TIMED_OUT).team(s.teamId, s.personId).question(r.no(), s.questionId, s.tier)
                .judged(false, null).points(earned(s, r, false), null).withTiebreak(s.tiebreak);
    }

    /** Points for a judged answer: SPEED +points or 0; BUZZER ±points; RELAY by the chain, wrong 0; RISK ±tier. */
    private static BigDecimal earned(LiveState s, Round r, boolean correct) {
        int points = switch (r.kind()) {
            case SPEED -> correct ? r.pointsOr0() : 0;
            case BUZZER -> correct ? r.pointsOr0() : -r.pointsOr0();
            case RELAY -> {
                int member = s.teams.get(s.teamId).seated.personIds().indexOf(s.personId);
                yield correct ? new RelayChain(r.valuesOrEmpty()).worth(member, s.previousCorrect) : 0;
            }
            case RISK -> s.tier == null ? 0 : correct ? s.tier : -s.tier;
            case ESSAY -> 0;
        };
        return BigDecimal.valueOf(points);
    }

    private static LiveEvent adjust(LiveState s, LiveCommand c) {
        if (c.teamId() == null || !s.teams.containsKey(c.teamId())) {
            throw LiveRules.invalid("teamId", "live.command.team.unknown");
        }
        BigDecimal points = c.points();
        if (points == null || points.signum() == 0 || points.scale() > 2 || points.abs().compareTo(BigDecimal.valueOf(10_000)) > 0) {
            throw LiveRules.invalid("points", "live.command.points.invalid");
        }
        return LiveEvent.of(Type.ADJUSTED).team(c.teamId(), null).points(points, null).ruling(reason(c), null, null);
    }

    private static LiveEvent undo(LiveState s, LiveCommand c) {
        String reason = reason(c);
        LiveState.ScoreChange last = s.changes.peek();
        if (last == null) {
            throw LiveRules.broken("NOTHING_TO_UNDO");
        }
        return LiveEvent.of(Type.UNDONE).team(last.teamId(), null).points(last.points().negate(), null).ruling(reason, last.seq(), null);
    }

    private static String reason(LiveCommand c) {
        if (c.reason() == null || c.reason().isBlank() || c.reason().length() > 500) {
            throw LiveRules.invalid("reason", "live.command.reason.required");
        }
        return c.reason().strip();
    }

    private static LiveEvent tiebreak(LiveState s, LiveCommand c) {
        if (s.tiebreak || s.roundIndex() < s.rounds.size() - 1 || !s.roundOver()) {
            throw LiveRules.broken("ROUND_NOT_OVER");
        }
        List<Long> ids = c.teamIds() == null ? List.of() : c.teamIds();
        if (ids.size() < 2 || new HashSet<>(ids).size() != ids.size() || !s.teams.keySet().containsAll(ids)) {
            throw LiveRules.invalid("teamIds", "live.command.tiebreak.teams");
        }
        BigDecimal tied = s.score(ids.get(0));
        if (ids.stream().anyMatch(t -> s.score(t).compareTo(tied) != 0)) {
            throw LiveRules.broken("NOT_TIED");
        }
        // between the tied teams only, and all of them: a tied team left out could not be placed among the others
        if (s.teams.keySet().stream().filter(t -> s.score(t).compareTo(tied) == 0).count() != ids.size()) {
            throw LiveRules.broken("TIE_INCOMPLETE");
        }
        if (s.plan.tiebreak().isEmpty()) {
            throw LiveRules.broken("QUESTIONS_MISSING");
        }
        return LiveEvent.of(Type.TIEBREAK_BEGUN).teams(ids);
    }

    /**
     * A buzz of a team's finalist (or of the team at the buzzer station: no person), timed when the server received it:
     * always an event, whatever its result.
     */
    static LiveEvent buzz(LiveState s, long teamId, @Nullable Long personId) {
        LiveEvent buzz = LiveEvent.of(Type.BUZZED).team(teamId, personId);
        Round r = s.round;
        boolean buzzerQuestion = s.status == Status.RUNNING && r != null && r.kind() == RoundKind.BUZZER
                && (s.phase == Phase.SHOWN || s.phase == Phase.OPEN || s.phase == Phase.ANSWERING);
        if (!buzzerQuestion) {
            return buzz.judged(null, BuzzResult.CLOSED);
        }
        buzz = buzz.question(r.no(), s.questionId, null);
        if (s.buzzedTeams.contains(teamId) || s.tiebreak && !s.tiebreakTeams.contains(teamId)) {
            return buzz.judged(null, BuzzResult.LOCKED);
        }
        return switch (s.phase) {
            case SHOWN -> buzz.judged(null, BuzzResult.EARLY)
                    .points(BigDecimal.valueOf(-(r.foul() == null ? 0 : r.foul())), null).withTiebreak(s.tiebreak);
            case OPEN -> buzz.judged(null, BuzzResult.WON);
            default -> buzz.judged(null, BuzzResult.LATE);
        };
    }

    /** A judge's essay score for the team answering now: a judge of the panel as it sat at START, not recused. */
    static LiveEvent essayScore(LiveState s, long judgeId, BigDecimal points) {
        Round r = s.round;
        if (s.status != Status.RUNNING || r == null || r.kind() != RoundKind.ESSAY || s.phase != Phase.ANSWERING || s.teamId == null) {
            throw LiveRules.broken("NOT_ANSWERING");
        }
        if (!s.judges.contains(judgeId)) {
            throw Refusal.forbidden();
        }
        if (s.teams.get(s.teamId).seated.recusedJudges().contains(judgeId)) {
            throw LiveRules.broken("RECUSAL");
        }
        int max = r.maxPoints() == null ? 0 : r.maxPoints();
        if (points.signum() < 0 || points.compareTo(BigDecimal.valueOf(max)) > 0 || points.scale() > 2) {
            throw LiveRules.invalid("points", "live.essay.points", max);
        }
        return LiveEvent.of(Type.ESSAY_SCORED).team(s.teamId, null).question(r.no(), s.questionId, null).essay(judgeId, points);
    }
}
