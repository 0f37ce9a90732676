package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.marking.ExamResults;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Where a province's selection stands, stage by stage, and the one step that comes next — what the organizer's
 * pipeline page shows. Each figure counts something an organizer can check elsewhere (contestants, sittings, scores).
 */
@Service
class Pipeline {

    enum Step { CLOSE_ENTRIES, SIT_CITY_ROUND, ADVANCE, SIT_PROVINCE_WRITTEN, APPOINT_JUDGES, INTERVIEW, PUBLISH_AWARDS, NAME_TEAMS, DONE }

    /** A stage with its counts: {@code done} of {@code total} (sat/selected/scored), whether its results are final. */
    record StageStatus(CompetitionStore.StageRow stage, int done, int total, boolean complete) {}

    record Status(int contestants, boolean entriesClosed, List<StageStatus> stages, Step next) {}

    private final Contestants contestants;
    private final SelectionStore selection;
    private final CompetitionStore store;
    private final InterviewScores interviews;
    private final StageJudges judges;
    private final ExamResults results;

    Pipeline(Contestants contestants, SelectionStore selection, CompetitionStore store, InterviewScores interviews, StageJudges judges,
            ExamResults results) {
        this.contestants = contestants;
        this.selection = selection;
        this.store = store;
        this.interviews = interviews;
        this.judges = judges;
        this.results = results;
    }

    Status status(CurrentUser user, Competitions.Competition c) {
        SelectionRules rules = c.selection();
        int entered = contestants.inScope(user, c).size();
        boolean closed = contestants.entriesClosed(c.id());
        CompetitionStore.StageRow city = c.stage(rules.city().from());
        CompetitionStore.StageRow written = c.stage(rules.city().to());
        CompetitionStore.StageRow interview = c.stage(rules.interview().stage());
        int selected = selection.selection(city.id()).size();
        List<StageStatus> stages = new ArrayList<>();
        stages.add(new StageStatus(city, store.seats(city.id()).size(), selection.contestants(c.id()).size(), selected > 0));
        stages.add(new StageStatus(written, store.seats(written.id()).size(), selected, released(written)));
        int panel = judges.panel(interview.id()).size();
        int scored = interviews.scores(c).size();
        stages.add(new StageStatus(interview, scored, selected, selected > 0 && scored == selected));
        for (String code : List.of(rules.regional().stage(), rules.national().stage())) {
            CompetitionStore.StageRow s = c.stage(code);
            int members = selection.members(s.id()).size();
            stages.add(new StageStatus(s, members, code.equals(rules.regional().stage()) ? 4 : rules.national().cityMembers() + 1, members > 0));
        }
        Step next;
        if (!closed) {
            next = Step.CLOSE_ENTRIES;
        } else if (!released(city)) {
            next = Step.SIT_CITY_ROUND;
        } else if (selected == 0) {
            next = Step.ADVANCE;
        } else if (!released(written)) {
            next = Step.SIT_PROVINCE_WRITTEN;
        } else if (panel == 0) {
            next = Step.APPOINT_JUDGES;
        } else if (scored < selected) {
            next = Step.INTERVIEW;
        } else if (selection.publication(c.id()).isEmpty()) {
            next = Step.PUBLISH_AWARDS;
        } else if (stages.stream().skip(3).anyMatch(s -> !s.complete())) {
            next = Step.NAME_TEAMS;
        } else {
            next = Step.DONE;
        }
        return new Status(entered, closed, stages, next);
    }

    private boolean released(CompetitionStore.StageRow stage) {
        List<CompetitionStore.SittingRow> sittings = store.sittings(stage.id());
        return !sittings.isEmpty() && sittings.stream().allMatch(s -> results.isReleased(s.examId()));
    }
}
