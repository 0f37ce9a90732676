package cn.arena.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a final's event log: what was decided, with its sequence number and the server's time. Every event that
 * changes a score carries the team and the change as {@code points}, so the base score plus a team's points is its
 * score. Only the fields of its type are set. A question is named by its id only: its answer is never in the log.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LiveEvent(long seq, Instant at, Type type, @Nullable Long teamId, @Nullable Long personId, @Nullable BigDecimal points,
        @Nullable Integer round, @Nullable Long questionId, @Nullable Integer tier, @Nullable Boolean correct,
        @Nullable BuzzResult result, @Nullable String reason, @Nullable Long reverts, @Nullable Long judgeId,
        @Nullable BigDecimal score, @Nullable List<Long> teams, @Nullable BigDecimal tiebreakPoints, @Nullable Setup setup,
        @Nullable String by) {

    enum Type { STARTED, ROUND_BEGUN, QUESTION_SHOWN, RISK_DECLINED, OPENED, BUZZED, JUDGED, TIMED_OUT, ESSAY_SCORED, ADJUSTED,
        UNDONE, TIEBREAK_BEGUN, FINISHED }

    enum BuzzResult { WON, LATE, EARLY, LOCKED, CLOSED }

    /** A team as seated at START: its finalists in order, their accounts, and the judges recused for it. */
    record SeatedTeam(long teamId, String unitName, int seat, List<Long> personIds, Map<Long, Long> personOfAccount,
            List<Long> recusedJudges) {}

    /** The questions of each round in order; RISK's by tier; the tiebreak's. */
    record Plan(Map<Integer, List<Long>> rounds, Map<Integer, List<Long>> tiers, List<Long> tiebreak) {}

    /** Everything the fold needs, fixed at START so a replay never depends on anything outside the log. */
    record Setup(BigDecimal baseScore, List<Round> rounds, Plan plan, List<SeatedTeam> teams, List<Long> judges) {}

    static LiveEvent of(Type type) {
        return new LiveEvent(0, Instant.EPOCH, type, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    LiveEvent numbered(long seq, Instant at) {
        return new LiveEvent(seq, at, type, teamId, personId, points, round, questionId, tier, correct, result, reason, reverts,
                judgeId, score, teams, tiebreakPoints, setup, by);
    }

    LiveEvent team(@Nullable Long teamId, @Nullable Long personId) {
        return new LiveEvent(seq, at, type, teamId, personId, points, round, questionId, tier, correct, result, reason, reverts,
                judgeId, score, teams, tiebreakPoints, setup, by);
    }

    LiveEvent points(@Nullable BigDecimal points, @Nullable BigDecimal tiebreakPoints) {
        return new LiveEvent(seq, at, type, teamId, personId, points, round, questionId, tier, correct, result, reason, reverts,
                judgeId, score, teams, tiebreakPoints, setup, by);
    }

    LiveEvent question(@Nullable Integer round, @Nullable Long questionId, @Nullable Integer tier) {
        return new LiveEvent(seq, at, type, teamId, personId, points, round, questionId, tier, correct, result, reason, reverts,
                judgeId, score, teams, tiebreakPoints, setup, by);
    }

    LiveEvent judged(@Nullable Boolean correct, @Nullable BuzzResult result) {
        return new LiveEvent(seq, at, type, teamId, personId, points, round, questionId, tier, correct, result, reason, reverts,
                judgeId, score, teams, tiebreakPoints, setup, by);
    }

    LiveEvent ruling(@Nullable String reason, @Nullable Long reverts, @Nullable String by) {
        return new LiveEvent(seq, at, type, teamId, personId, points, round, questionId, tier, correct, result, reason, reverts,
                judgeId, score, teams, tiebreakPoints, setup, by);
    }

    LiveEvent essay(long judgeId, BigDecimal score) {
        return new LiveEvent(seq, at, type, teamId, personId, points, round, questionId, tier, correct, result, reason, reverts,
                judgeId, score, teams, tiebreakPoints, setup, by);
    }

    LiveEvent teams(List<Long> teams) {
        return new LiveEvent(seq, at, type, teamId, personId, points, round, questionId, tier, correct, result, reason, reverts,
                judgeId, score, teams, tiebreakPoints, setup, by);
    }

    LiveEvent setup(Setup setup) {
        return new LiveEvent(seq, at, type, teamId, personId, points, round, questionId, tier, correct, result, reason, reverts,
                judgeId, score, teams, tiebreakPoints, setup, by);
    }

    /** In a tiebreak (附加赛) points order the tied teams and are not added to their scores. */
    LiveEvent withTiebreak(boolean tiebreak) {
        return tiebreak ? points(null, points) : this;
    }

    /** What readers other than the host see: a judge's essay score stays with the host until the essay is judged. */
    LiveEvent forReaders() {
        return type == Type.ESSAY_SCORED
                ? new LiveEvent(seq, at, type, teamId, personId, points, round, questionId, tier, correct, result, reason, reverts,
                        null, null, teams, tiebreakPoints, setup, by)
                : this;
    }
}
