package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.org.People;
import cn.arena.shared.Refusal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages of a province's selection: the organizer's pipeline (entries, fields against the minimum, each stage and
 * what is next), the selection per city, the composite table, the awards, and the judge's phone page.
 */
@Controller
class SelectionPages {

    private final Competitions competitions;
    private final Contestants contestants;
    private final Pipeline pipeline;
    private final Stages stages;
    private final ProvincialSelection selection;
    private final CompositeStandings standings;
    private final InterviewScores interviews;
    private final People people;

    SelectionPages(Competitions competitions, Contestants contestants, Pipeline pipeline, Stages stages, ProvincialSelection selection,
            CompositeStandings standings, InterviewScores interviews, People people) {
        this.competitions = competitions;
        this.contestants = contestants;
        this.pipeline = pipeline;
        this.stages = stages;
        this.selection = selection;
        this.standings = standings;
        this.interviews = interviews;
        this.people = people;
    }

    @GetMapping("/competitions/{id}/pipeline")
    @OrganizerOnly
    String pipeline(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Competitions.Competition c = page(() -> competitions.get(user, id));
        model.addAttribute("c", c);
        model.addAttribute("manageable", competitions.canManage(user, c.orgUnitId()));
        model.addAttribute("status", page(() -> pipeline.status(user, c)));
        List<Contestants.FieldCount> fields = contestants.fieldCounts(user, id);
        model.addAttribute("fields", fields);
        model.addAttribute("shortFields", fields.stream().filter(f -> f.count() < f.minimum()).count());
        model.addAttribute("contestants", contestants.list(user, id, null));
        return "competition/pipeline";
    }

    @GetMapping("/stages/{id}/selection")
    @OrganizerOnly
    String selection(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Stages.StageOf s = page(() -> stages.visible(user, id));
        ProvincialSelection.Selection chosen = page(() -> selection.selection(user, id));
        model.addAttribute("c", s.competition());
        model.addAttribute("selection", chosen);
        Map<Long, String> names = new HashMap<>();
        chosen.cities().forEach(city -> {
            city.teams().forEach(t -> t.members().forEach(p -> names.put(p, name(p))));
            city.individuals().forEach(p -> names.put(p, name(p)));
        });
        chosen.province().forEach(p -> names.put(p, name(p)));
        model.addAttribute("names", names);
        return "competition/selection";
    }

    @GetMapping("/competitions/{id}/composite")
    @OrganizerOnly
    String composite(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("c", page(() -> competitions.get(user, id)));
        model.addAttribute("composite", page(() -> standings.composite(user, id)));
        return "competition/composite";
    }

    /** The judge's phone page: the session's contestants in order, a score entry each. */
    @GetMapping("/judge/stages/{id}")
    String judge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("judging", page(() -> interviews.session(user, id)));
        return "competition/judge";
    }

    /** A province selection's awards page (the competition's awards page routes here). */
    String awards(CurrentUser user, Competitions.Competition c, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("awards", standings.awards(user, c.id()));
        return "competition/selection-awards";
    }

    private String name(long personId) {
        return people.find(personId).map(People.PersonView::name).orElse("");
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
