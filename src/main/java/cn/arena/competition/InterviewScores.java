package cn.arena.competition;

import cn.arena.account.AuditLog;
import cn.arena.account.CurrentUser;
import cn.arena.org.OrgTree;
import cn.arena.org.People;
import cn.arena.shared.Refusal;
import cn.arena.shared.TrimmedMean;
import cn.arena.shared.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The interview (面试) of a province's selection: each judge of the stage's panel scores each selected contestant,
 * except where recused (回避: the judge's unit is the contestant's city or inside it). A contestant's interview score is
 * the template's trimmed mean, known once every judge who is not recused has scored. Every score is audited; once the
 * organizer has closed the panel, a score entered or changed needs a reason.
 */
@Service
class InterviewScores {

    /** One contestant as a judge sees them: in order, with the judge's own score only, or why the judge is recused. */
    record Seat(int no, long personId, String name, @Nullable String cityName, boolean recused, @Nullable BigDecimal myScore) {}

    record Session(long stageId, String stageName, BigDecimal maxPoints, boolean closed, List<Seat> contestants) {}

    private final CompetitionStore store;
    private final Competitions competitions;
    private final Stages stages;
    private final SelectionStore selection;
    private final StageJudges judges;
    private final People people;
    private final OrgTree tree;
    private final AuditLog audit;
    private final Clock clock;

    InterviewScores(CompetitionStore store, Competitions competitions, Stages stages, SelectionStore selection, StageJudges judges,
            People people, OrgTree tree, AuditLog audit, Clock clock) {
        this.store = store;
        this.competitions = competitions;
        this.stages = stages;
        this.selection = selection;
        this.judges = judges;
        this.people = people;
        this.tree = tree;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    void score(CurrentUser judge, long stageId, long personId, @Nullable BigDecimal points, @Nullable String reason) {
        Competitions.Competition c = interviewOf(stageId);
        if (!judges.isJudge(stageId, judge.id())) {
            throw Refusal.forbidden();
        }
        SelectionStore.SelectionRow contestant = selected(c).stream().filter(r -> r.personId() == personId).findFirst()
                .orElseThrow(Refusal::notFound);
        SelectionRules.Interview rule = c.selection().interview();
        if (points == null || points.signum() < 0 || points.compareTo(rule.maxPoints()) > 0 || points.stripTrailingZeros().scale() > 2) {
            throw Refusal.invalid(Violation.field("points", "competition.interview.points", rule.maxPoints()));
        }
        if (recused(judge.orgUnitId(), contestant)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "competition.interview.recused", List.of(Violation.rule("RECUSAL", null,
                    "competition.interview.recused", cityName(contestant))));
        }
        boolean closed = selection.panelClosedAt(stageId).isPresent();
        if (closed && (reason == null || reason.isBlank())) {
            throw Refusal.invalid(Violation.field("reason", "competition.interview.reason.required"));
        }
        Optional<BigDecimal> before = selection.judgeScore(stageId, personId, judge.id());
        selection.saveJudgeScore(stageId, personId, judge.id(), points, clock.instant());
        audit.record(before.isPresent() ? "INTERVIEW_SCORE_CHANGED" : "INTERVIEW_SCORED", "person:" + personId,
                "stage=" + stageId + " judge=" + judge.username() + " points=" + points.toPlainString()
                        + before.map(b -> " before=" + b.toPlainString()).orElse("") + (closed ? " reason=" + reason.strip() : ""));
    }

    /** The judge's session: the selected contestants in selection order, the judge's own scores only. */
    Session session(CurrentUser judge, long stageId) {
        Competitions.Competition c = interviewOf(stageId);
        if (!judges.isJudge(stageId, judge.id())) {
            throw Refusal.forbidden();
        }
        Map<Long, BigDecimal> mine = new HashMap<>();
        selection.judgeScores(stageId).stream().filter(s -> s.judgeUserId() == judge.id()).forEach(s -> mine.put(s.personId(), s.points()));
        List<Seat> seats = new ArrayList<>();
        for (SelectionStore.SelectionRow r : selected(c)) {
            seats.add(new Seat(seats.size() + 1, r.personId(), people.find(r.personId()).map(People.PersonView::name).orElse(""),
                    r.cityUnitId() == null ? null : cityName(r), recused(judge.orgUnitId(), r), mine.get(r.personId())));
        }
        CompetitionStore.StageRow stage = c.stage(c.selection().interview().stage());
        return new Session(stageId, stage.name(), c.selection().interview().maxPoints(), selection.panelClosedAt(stageId).isPresent(), seats);
    }

    @Transactional
    void closePanel(CurrentUser actor, long stageId) {
        Stages.StageOf s = stages.managed(actor, stageId);
        if (!s.stage().code().equals(s.competition().selection().interview().stage())) {
            throw Refusal.conflict("competition.interview.notInterview");
        }
        if (selection.panelClosedAt(stageId).isEmpty()) {
            selection.closePanel(stageId, clock.instant());
            audit.record("INTERVIEW_PANEL_CLOSED", "stage:" + stageId, null);
        }
    }

    /** person → interview score, for those every judge not recused for them has scored. */
    Map<Long, BigDecimal> scores(Competitions.Competition c) {
        CompetitionStore.StageRow stage = c.stage(c.selection().interview().stage());
        TrimmedMean mean = c.selection().interview().rule();
        List<StageJudges.Judge> panel = judges.panel(stage.id());
        Map<Long, Map<Long, BigDecimal>> byPerson = new HashMap<>();
        selection.judgeScores(stage.id()).forEach(s -> byPerson.computeIfAbsent(s.personId(), k -> new HashMap<>()).put(s.judgeUserId(), s.points()));
        Map<Long, List<Long>> chains = new HashMap<>();
        Map<Long, BigDecimal> scores = new HashMap<>();
        for (SelectionStore.SelectionRow r : selected(c)) {
            Map<Long, BigDecimal> given = byPerson.getOrDefault(r.personId(), Map.of());
            List<BigDecimal> counted = new ArrayList<>();
            boolean complete = !panel.isEmpty();
            for (StageJudges.Judge j : panel) {
                List<Long> chain = j.orgUnitId() == null ? List.of() : chains.computeIfAbsent(j.orgUnitId(), tree::ancestorsOf);
                if (Recusal.recused(chain, Optional.ofNullable(r.cityUnitId()))) {
                    continue;
                }
                BigDecimal points = given.get(j.userId());
                if (points == null) {
                    complete = false;
                    break;
                }
                counted.add(points);
            }
            if (complete) {
                mean.of(counted).ifPresent(score -> scores.put(r.personId(), score));
            }
        }
        return scores;
    }

    /** The contestants the interview hears: everyone the city round selected, in selection order. */
    List<SelectionStore.SelectionRow> selected(Competitions.Competition c) {
        return selection.selection(c.stage(c.selection().city().from()).id());
    }

    private Competitions.Competition interviewOf(long stageId) {
        CompetitionStore.StageRow stage = store.stage(stageId).orElseThrow(Refusal::notFound);
        Competitions.Competition c = competitions.byId(stage.competitionId());
        if (!c.entersContestants() || !stage.code().equals(c.selection().interview().stage())) {
            throw Refusal.conflict("competition.interview.notInterview");
        }
        return c;
    }

    private boolean recused(@Nullable Long judgeUnit, SelectionStore.SelectionRow contestant) {
        return Recusal.recused(judgeUnit == null ? List.of() : tree.ancestorsOf(judgeUnit), Optional.ofNullable(contestant.cityUnitId()));
    }

    private String cityName(SelectionStore.SelectionRow r) {
        return r.cityUnitId() == null ? "" : tree.find(r.cityUnitId()).map(OrgTree.OrgUnit::name).orElse("");
    }
}
