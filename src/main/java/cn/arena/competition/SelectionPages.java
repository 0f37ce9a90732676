package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.account.Scopes;
import cn.arena.org.OrgTree;
import cn.arena.org.People;
import cn.arena.shared.Messages;
import cn.arena.shared.Refusal;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages of a province's selection: the organizer's pipeline (entries, fields against the minimum, each stage and
 * what is next), the selection per city, the composite table with the teams, the awards with their publication, and
 * the judge's phone page. What changes data goes through htmx to the page endpoints here, which answer with the
 * changed fragment; refusals propagate to {@code web/PageProblems}, shown beside the form.
 */
@Controller
class SelectionPages {

    /** A person the caller may enter, picked by name and unit. */
    record Enterable(long personId, String name, String unitName) {}

    /** The regional or national stage with the team named for it so far. */
    record StageTeam(CompetitionStore.StageRow stage, List<SelectionLists.Member> members) {}

    private static final String PIPELINE_BODY = "competition/pipeline :: content";
    private static final String AWARDS_BODY = "competition/selection-awards :: content";

    private final Competitions competitions;
    private final Contestants contestants;
    private final Pipeline pipeline;
    private final Stages stages;
    private final ProvincialSelection selection;
    private final CompositeStandings standings;
    private final SelectionAwards awards;
    private final SelectionLists lists;
    private final InterviewScores interviews;
    private final People people;
    private final OrgTree tree;
    private final Scopes scopes;
    private final Messages messages;

    SelectionPages(Competitions competitions, Contestants contestants, Pipeline pipeline, Stages stages, ProvincialSelection selection,
            CompositeStandings standings, SelectionAwards awards, SelectionLists lists, InterviewScores interviews, People people,
            OrgTree tree, Scopes scopes, Messages messages) {
        this.competitions = competitions;
        this.contestants = contestants;
        this.pipeline = pipeline;
        this.stages = stages;
        this.selection = selection;
        this.standings = standings;
        this.awards = awards;
        this.lists = lists;
        this.interviews = interviews;
        this.people = people;
        this.tree = tree;
        this.scopes = scopes;
        this.messages = messages;
    }

    @GetMapping("/competitions/{id}/pipeline")
    @OrganizerOnly
    String pipeline(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        pipelineModel(user, page(() -> competitions.get(user, id)), model);
        return "competition/pipeline";
    }

    @PostMapping("/competitions/{id}/contestants")
    @OrganizerOnly
    String enter(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable Long personId,
            Model model) {
        Contestants.ContestantView entered = contestants.enter(user, id, personId);
        model.addAttribute("notice", messages.get("selection.page.entered", entered.name(), entered.field().name()));
        pipelineModel(user, competitions.get(user, id), model);
        return PIPELINE_BODY;
    }

    @PostMapping("/competitions/{id}/contestants/{personId}/withdraw")
    @OrganizerOnly
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long personId, Model model) {
        String name = people.find(personId).map(People.PersonView::name).orElse("");
        contestants.withdraw(user, id, personId);
        model.addAttribute("notice", messages.get("selection.page.withdrawn", name));
        pipelineModel(user, competitions.get(user, id), model);
        return PIPELINE_BODY;
    }

    @PostMapping("/competitions/{id}/entries/close")
    @OrganizerOnly
    String closeEntries(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        contestants.closeEntries(user, id);
        Competitions.Competition c = competitions.get(user, id);
        pipelineModel(user, c, model);
        model.addAttribute("notice", messages.get("selection.page.closed", contestants.list(user, id, null).size()));
        return PIPELINE_BODY;
    }

    /** Fixes the city round's selection (the pipeline's advance step). */
    @PostMapping("/stages/{id}/selection")
    @OrganizerOnly
    String advance(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        int advanced = selection.advance(user, id).size();
        pipelineModel(user, stages.managed(user, id).competition(), model);
        model.addAttribute("notice", messages.get("selection.page.advanced", advanced));
        return PIPELINE_BODY;
    }

    @GetMapping("/stages/{id}/selection")
    @OrganizerOnly
    String selection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Stages.StageOf s = page(() -> stages.visible(user, id));
        model.addAttribute("c", s.competition());
        model.addAttribute("stageId", id);
        model.addAttribute("cities", page(() -> lists.selection(user, id)));
        model.addAttribute("columns", lists.selectionColumns());
        return "competition/selection";
    }

    @GetMapping("/competitions/{id}/composite")
    @OrganizerOnly
    String composite(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Competitions.Competition c = page(() -> competitions.get(user, id));
        model.addAttribute("c", c);
        model.addAttribute("composite", page(() -> standings.composite(user, id)));
        model.addAttribute("compositeColumns", lists.compositeColumns());
        model.addAttribute("countyColumns", lists.countyColumns());
        model.addAttribute("cityColumns", lists.cityColumns());
        model.addAttribute("teamColumns", lists.teamColumns());
        SelectionRules rules = c.selection();
        model.addAttribute("teams", List.of(c.stage(rules.regional().stage()), c.stage(rules.national().stage())).stream()
                .map(stage -> new StageTeam(stage, lists.team(user, stage.id()))).toList());
        return "competition/composite";
    }

    /** The judge's phone page: the session's contestants in order, a score entry each. */
    @GetMapping("/judge/stages/{id}")
    String judge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("judging", page(() -> interviews.session(user, id)));
        return "competition/judge";
    }

    /** One score from the judge's page: answers the contestant's entry with the score saved. */
    @PostMapping("/judge/stages/{id}/scores/{personId}")
    String score(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long personId,
            @RequestParam(required = false) @Nullable String points, @RequestParam(required = false) @Nullable String reason, Model model) {
        interviews.score(user, id, personId, decimal(points), reason);
        InterviewScores.Session session = interviews.session(user, id);
        model.addAttribute("judging", session);
        model.addAttribute("s", session.contestants().stream().filter(seat -> seat.personId() == personId).findFirst().orElseThrow());
        model.addAttribute("saved", true);
        return "competition/judge :: seat";
    }

    /** A province selection's awards page (the competition's awards page routes here). */
    String awards(CurrentUser user, Competitions.Competition c, Model model) {
        awardsModel(user, c, model);
        return "competition/selection-awards";
    }

    /** What publishing would publish now, with the button that publishes exactly that. */
    @GetMapping("/competitions/{id}/awards/preview")
    @OrganizerOnly
    String awardsPreview(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("c", competitions.get(user, id));
        model.addAttribute("preview", awards.preview(user, id));
        awardColumns(model);
        return "competition/selection-awards :: preview";
    }

    @PostMapping("/competitions/{id}/awards/publish")
    @OrganizerOnly
    String publishAwards(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String previewed, Model model) {
        CompositeStandings.Awards published = awards.publish(user, id, reason, previewed == null ? "" : previewed);
        awardsModel(user, competitions.get(user, id), model);
        model.addAttribute("notice", messages.get("selection.awards.published", published.individual().size(), published.team().size(),
                published.organisations().size()));
        return AWARDS_BODY;
    }

    private void awardsModel(CurrentUser user, Competitions.Competition c, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("awards", awards.awards(user, c.id()));
        model.addAttribute("publication", awards.publication(user, c.id()).orElse(null));
        model.addAttribute("manageable", competitions.canManage(user, c.orgUnitId()));
        awardColumns(model);
    }

    private void awardColumns(Model model) {
        model.addAttribute("individualColumns", awards.individualColumns());
        model.addAttribute("teamColumns", awards.unitColumns("selection.page.sumOfFour"));
        model.addAttribute("organisationColumns", awards.unitColumns("selection.page.sumOfThirteen"));
    }

    private void pipelineModel(CurrentUser user, Competitions.Competition c, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("manageable", competitions.canManage(user, c.orgUnitId()));
        Pipeline.Status status = pipeline.status(user, c);
        model.addAttribute("status", status);
        List<Contestants.FieldCount> fields = contestants.fieldCounts(user, c.id());
        model.addAttribute("fields", fields);
        model.addAttribute("fieldColumns", lists.fields(user, c.id()).columns());
        model.addAttribute("shortFields", fields.stream().filter(f -> f.count() < f.minimum()).count());
        List<Contestants.ContestantView> entered = contestants.list(user, c.id(), null);
        model.addAttribute("contestants", entered);
        model.addAttribute("contestantColumns", lists.contestants(user, c.id()).columns());
        model.addAttribute("enterable", status.entriesClosed() ? List.of() : enterable(user, c, entered));
    }

    /** The people of the caller's scope inside the competition's province who are not entered yet, by name. */
    private List<Enterable> enterable(CurrentUser user, Competitions.Competition c, List<Contestants.ContestantView> entered) {
        Map<Long, String> units = new HashMap<>();
        tree.subtree(c.orgUnitId()).stream().filter(u -> scopes.covers(user, u.id())).forEach(u -> units.put(u.id(), u.name()));
        Set<Long> in = entered.stream().map(Contestants.ContestantView::personId).collect(Collectors.toCollection(HashSet::new));
        return people.roll(units.keySet()).stream().filter(p -> !in.contains(p.personId()))
                .map(p -> new Enterable(p.personId(), p.name(), units.get(p.orgUnitId()))).toList();
    }

    /** A typed score: what is not a number is left for the interview's own check to refuse on {@code points}. */
    private static @Nullable BigDecimal decimal(@Nullable String points) {
        try {
            return points == null || points.isBlank() ? null : new BigDecimal(points.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> T page(Supplier<T> work) {
        try {
            return work.get();
        } catch (Refusal refusal) {
            throw new ResponseStatusException(switch (refusal.kind()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                default -> HttpStatus.CONFLICT;
            });
        }
    }
}
