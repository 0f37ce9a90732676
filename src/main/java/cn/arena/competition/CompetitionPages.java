package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.exam.ExamDirectory;
import cn.arena.org.OrgTree;
import cn.arena.org.StaffCategories;
import cn.arena.account.OrganizerOnly;
import cn.arena.shared.Refusal;
import cn.arena.shared.Times;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The competition pages: list and new-from-template, overview, registration, teams, a stage, awards. */
@Controller
@PreAuthorize(CompetitionApi.STAFF_OR_CONTACT)
class CompetitionPages {

    private final CompetitionTemplates templates;
    private final Competitions competitions;
    private final Registration registration;
    private final Stages stages;
    private final StageStandings standings;
    private final CompetitionAwards awards;
    private final OrgTree tree;
    private final StaffCategories categories;
    private final Sittings sittings;
    private final ExamDirectory exams;
    private final SelectionPages selectionPages;
    private final Times times;

    CompetitionPages(CompetitionTemplates templates, Competitions competitions, Registration registration, Stages stages,
            StageStandings standings, CompetitionAwards awards, OrgTree tree, StaffCategories categories, Sittings sittings,
            ExamDirectory exams, SelectionPages selectionPages, Times times) {
        this.times = times;
        this.sittings = sittings;
        this.exams = exams;
        this.selectionPages = selectionPages;
        this.templates = templates;
        this.competitions = competitions;
        this.registration = registration;
        this.stages = stages;
        this.standings = standings;
        this.awards = awards;
        this.tree = tree;
        this.categories = categories;
    }

    @GetMapping("/competitions")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("competitions", competitions.visibleTo(user));
        model.addAttribute("templates", templates.all());
        model.addAttribute("units", tree.visibleTo(user));
        model.addAttribute("organizer", user.isAdmin() || user.has(cn.arena.account.Role.ORGANIZER));
        return "competition/list";
    }

    /** The new-competition form; the deadline is typed in Beijing time (arena.zone). Done, the browser opens the new competition. */
    @PostMapping("/competitions")
    @OrganizerOnly
    ResponseEntity<Void> create(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String template,
            @RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable Long orgUnitId,
            @RequestParam(required = false) @Nullable String registrationDeadline) {
        Competitions.Competition c = competitions.create(user, template, name, orgUnitId, times.read(registrationDeadline));
        return ResponseEntity.noContent().header("HX-Redirect", "/competitions/" + c.id()).build();
    }

    @GetMapping("/competitions/{id}")
    String overview(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Competitions.Competition c = page(() -> competitions.get(user, id));
        if (c.entersContestants()) {
            return "redirect:/competitions/" + id + "/pipeline";
        }
        model.addAttribute("c", c);
        model.addAttribute("unitName", registration.unitName(c.orgUnitId()));
        model.addAttribute("manageable", competitions.canManage(user, c.orgUnitId()));
        model.addAttribute("categoryNames", registration.categoryNames());
        return "competition/overview";
    }

    @GetMapping("/competitions/{id}/register")
    String register(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Competitions.Competition c = page(() -> competitions.get(user, id));
        model.addAttribute("c", c);
        model.addAttribute("units", tree.visibleTo(user).stream()
                .filter(u -> c.rules().team().ruleFor(u.kind()).isPresent() && tree.isWithin(u.id(), c.orgUnitId())).toList());
        model.addAttribute("categories", categories.all());
        model.addAttribute("size", c.rules().team().size());
        model.addAttribute("teams", registration.teams(user, id));
        return "competition/register";
    }

    @GetMapping("/competitions/{id}/teams")
    String teams(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Competitions.Competition c = page(() -> competitions.manage(user, id));
        model.addAttribute("c", c);
        model.addAttribute("teams", registration.teams(user, id));
        model.addAttribute("categoryNames", registration.categoryNames());
        return "competition/teams";
    }

    @GetMapping("/stages/{id}")
    String stage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Stages.StageOf s = page(() -> stages.visible(user, id));
        Competitions.Competition c = s.competition();
        StageStandings.Standings standings = this.standings.standings(c, s.stage());
        model.addAttribute("c", c);
        model.addAttribute("stage", s.stage());
        boolean manageable = competitions.canManage(user, c.orgUnitId());
        model.addAttribute("manageable", manageable);
        model.addAttribute("standings", standings);
        boolean sitsExams = manageable && s.stage().kind() == StageKind.WRITTEN;
        model.addAttribute("sittings", sitsExams ? sittings.sittings(user, id) : List.of());
        model.addAttribute("exams", sitsExams ? exams.visiblePublished(user) : List.of());
        model.addAttribute("advancesFrom", c.rules().advancement().from().equals(s.stage().code()));
        boolean finalStage = c.rules().advancement().to().equals(s.stage().code());
        model.addAttribute("finalStage", finalStage);
        model.addAttribute("membersPerTeam", c.rules().advancement().membersPerTeam());
        model.addAttribute("unitKinds", c.rules().team().units().stream().flatMap(u -> u.unitKinds().stream()).sorted().toList());
        model.addAttribute("stageTeams", finalStage ? standings.teams().stream()
                .map(t -> registration.get(user, t.teamId())).toList() : List.of());
        return "competition/stage";
    }

    @GetMapping("/competitions/{id}/awards")
    String awards(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Competitions.Competition c = page(() -> competitions.get(user, id));
        if (c.entersContestants()) {
            return selectionPages.awards(user, c, model);
        }
        model.addAttribute("c", c);
        model.addAttribute("awards", awards.awards(user, id));
        return "competition/awards";
    }

    private static <T> T page(Supplier<T> work) {
        try {
            return work.get();
        } catch (Refusal refusal) {
            throw new ResponseStatusException(refusal.kind() == Refusal.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT);
        }
    }
}
