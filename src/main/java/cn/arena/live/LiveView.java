package cn.arena.live;

import cn.arena.bank.Question;
import cn.arena.bank.QuestionCatalog;
import cn.arena.competition.LiveFinals;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The contract's shape of a final's state ({@code GET …/live}). The current question's answer and analysis are put in
 * only once the question is judged, or for the host; {@code serverTime} lets screens correct their countdowns.
 */
@Component
class LiveView {

    private final QuestionCatalog questions;
    private final Clock clock;

    LiveView(QuestionCatalog questions, Clock clock) {
        this.questions = questions;
        this.clock = clock;
    }

    Map<String, Object> of(LiveState s, LiveSessions.Reader reader, List<LiveFinals.FinalTeam> waiting) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", s.status.name());
        m.put("seq", s.seq);
        m.put("serverTime", clock.instant().toString());
        m.put("baseScore", s.baseScore);
        m.put("rounds", s.rounds.stream().map(Round::json).toList());
        if (s.status == LiveState.Status.READY) {
            int seat = 1;
            List<Map<String, Object>> teams = new java.util.ArrayList<>();
            for (LiveFinals.FinalTeam t : waiting) {
                teams.add(team(t.teamId(), t.unitName(), seat++, s.baseScore, t.finalistIds()));
            }
            m.put("teams", teams);
        } else {
            m.put("teams", s.seats().stream().map(t -> {
                Map<String, Object> team = team(t.id(), t.seated.unitName(), t.seated.seat(), s.score(t.id()), t.seated.personIds());
                if (s.tiebreak && s.tiebreakTeams.contains(t.id())) {
                    team.put("tiebreakPoints", t.tiebreakPoints);
                }
                return team;
            }).toList());
        }
        m.put("current", current(s, reader));
        if (s.tiebreak) {
            m.put("tiebreakTeams", s.tiebreakTeams);
        }
        if (s.status == LiveState.Status.FINISHED) {
            m.put("standings", FinalStandings.of(s).stream().map(r -> Map.of("rank", r.rank(), "teamId", r.teamId(), "score", r.score())).toList());
        }
        return m;
    }

    private static Map<String, Object> team(long id, String unitName, int seat, Object score, List<Long> personIds) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("teamId", id);
        t.put("unitName", unitName);
        t.put("seat", seat);
        t.put("score", score);
        t.put("personIds", personIds);
        return t;
    }

    private Object current(LiveState s, LiveSessions.Reader reader) {
        Round r = s.round;
        if (r == null || s.phase == null || s.status != LiveState.Status.RUNNING) {
            return null;
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("round", r.no());
        c.put("kind", r.kind().name());
        c.put("name", r.name());
        c.put("phase", s.phase.name());
        c.put("asked", s.asked);
        c.put("of", s.roundLength());
        put(c, "teamId", s.teamId);
        put(c, "personId", s.personId);
        put(c, "tier", s.tier);
        if (r.kind() == RoundKind.RISK && (s.phase == LiveState.Phase.READY || s.phase == LiveState.Phase.REVEALED) && s.asked < s.roundLength()) {
            RiskOrder.next(s.seats().stream().filter(t -> !s.riskDone.contains(t.id()))
                    .map(t -> new RiskOrder.Candidate(t.id(), t.seated.seat(), s.score(t.id()))).toList())
                    .ifPresent(next -> c.put("choosing", next));
            c.put("tiersLeft", r.tiersOrEmpty().stream().filter(tier -> s.tierUsed.getOrDefault(tier, 0)
                    < Math.min(r.perTier() == null ? 0 : r.perTier(), s.plan.tiers().getOrDefault(tier, List.of()).size())).toList());
        }
        put(c, "shownAt", s.shownAt == null ? null : s.shownAt.toString());
        put(c, "deadline", s.deadline == null ? null : s.deadline.toString());
        Long qid = s.questionId;
        if (qid != null) {
            Optional<Question> q = questions.find(qid);
            q.ifPresent(question -> {
                c.put("question", Map.of("type", question.type().name(), "stem", question.stem(), "options",
                        question.options().stream().map(o -> Map.of("key", o.key(), "text", o.text())).toList()));
                if (s.phase == LiveState.Phase.REVEALED || reader == LiveSessions.Reader.HOST) {
                    c.put("answer", question.answer());
                    c.put("analysis", question.analysis());
                }
            });
        }
        c.put("buzzes", s.buzzes.stream().map(b -> {
            Map<String, Object> buzz = new LinkedHashMap<>();
            buzz.put("seq", b.seq());
            buzz.put("at", b.at().toString());
            buzz.put("teamId", b.teamId());
            buzz.put("result", b.result().name());
            return buzz;
        }).toList());
        if (r.kind() == RoundKind.ESSAY) {
            c.put("scored", s.essayScores.size());
            if (reader == LiveSessions.Reader.HOST) {
                c.put("scores", s.essayScores);
            }
        }
        return c;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
