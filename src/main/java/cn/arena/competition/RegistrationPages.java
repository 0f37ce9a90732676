package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.shared.Messages;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The htmx side of registration: a unit's contact sends the online form or a filled-in form, or withdraws a team, and
 * gets back the list of its teams; an organizer approves or rejects a team and gets back its row. A refused
 * registration comes back with each reason beside the member it is about, what was typed left in place.
 */
@Controller
@PreAuthorize(CompetitionApi.STAFF_OR_CONTACT)
class RegistrationPages {

    private static final String REGISTER = "competition/register-fragments :: ";

    private final Registration registration;
    private final Competitions competitions;
    private final Messages messages;

    RegistrationPages(Registration registration, Competitions competitions, Messages messages) {
        this.registration = registration;
        this.competitions = competitions;
        this.messages = messages;
    }

    /** The online form: one value per member row in each list; rows left wholly blank are not members. */
    @PostMapping("/competitions/{id}/register")
    ModelAndView register(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable Long orgUnitId, @RequestParam(required = false) @Nullable String contactName,
            @RequestParam(required = false) @Nullable String contactPhone, @RequestParam(required = false) @Nullable List<String> memberName,
            @RequestParam(required = false) @Nullable List<String> memberIdNumber,
            @RequestParam(required = false) @Nullable List<String> memberMobile,
            @RequestParam(required = false) @Nullable List<String> memberLandline,
            @RequestParam(required = false) @Nullable List<String> memberCategory) {
        List<Registration.MemberEntry> members = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        int count = memberName == null ? 0 : memberName.size();
        for (int i = 0; i < count; i++) {
            String name = at(memberName, i);
            String idNumber = at(memberIdNumber, i);
            String mobile = at(memberMobile, i);
            if (name.isEmpty() && idNumber.isEmpty() && mobile.isEmpty()) {
                continue;
            }
            String landline = at(memberLandline, i);
            members.add(new Registration.MemberEntry(name, idNumber, mobile, landline.isEmpty() ? null : landline, at(memberCategory, i)));
            rows.add(i);
        }
        try {
            var team = registration.register(user, id, new Registration.TeamEntry(orgUnitId, contactName, contactPhone, members));
            return myTeams(user, id, messages.get("competition.page.registered", team.unitName()), count);
        } catch (Refusal refusal) {
            return refused(refusal, rows, count);
        }
    }

    @PostMapping("/competitions/{id}/register/upload")
    ModelAndView upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable Long orgUnitId,
            @RequestParam(required = false) @Nullable MultipartFile file, @RequestParam(defaultValue = "0") int rows) throws IOException {
        if (file == null || file.isEmpty()) {
            throw Refusal.invalid(Violation.field("file", "competition.page.fileRequired"));
        }
        try {
            var team = registration.importForm(user, id, orgUnitId, file.getInputStream(), file.getSize());
            return myTeams(user, id, messages.get("competition.page.registered", team.unitName()), rows);
        } catch (Refusal refusal) {
            return refused(refusal, List.of(), rows);
        }
    }

    @PostMapping("/teams/{id}/withdraw")
    ModelAndView withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int rows) {
        var team = registration.withdraw(user, id);
        return myTeams(user, team.competitionId(), messages.get("competition.page.withdrawn", team.unitName()), rows);
    }

    @PostMapping("/teams/{id}/approve")
    @OrganizerOnly
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        return teamRow(registration.approve(user, id), model);
    }

    @PostMapping("/teams/{id}/reject")
    @OrganizerOnly
    String reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String reason,
            Model model) {
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid(Violation.field("reason", "competition.page.reasonRequired"));
        }
        return teamRow(registration.reject(user, id, reason), model);
    }

    private String teamRow(Registration.TeamView team, Model model) {
        model.addAttribute("t", team);
        model.addAttribute("categoryNames", registration.categoryNames());
        return "competition/team-row :: row";
    }

    /** The contact's teams with a sentence on what was done; the member rows' earlier reasons are cleared. */
    private ModelAndView myTeams(CurrentUser user, long competitionId, String notice, int memberRows) {
        ModelAndView view = new ModelAndView(REGISTER + "registered");
        view.addObject("c", competitions.get(user, competitionId));
        view.addObject("teams", registration.teams(user, competitionId));
        view.addObject("notice", notice);
        view.addObject("size", memberRows);
        view.addObject("memberErrors", memberErrors(memberRows, Map.of()));
        return view;
    }

    /**
     * A form's reasons as a list (a member by its number on the form, a spreadsheet cell by row and column), and again
     * beside each member row they are about.
     *
     * @param rows the form row of each member sent, in order (a violation names its member by that order)
     */
    private ModelAndView refused(Refusal refusal, List<Integer> rows, int memberRows) {
        if (refusal.kind() != Refusal.Kind.INVALID) {
            throw refusal; // a closed registration, a unit out of reach: web/PageProblems words it
        }
        List<String> listed = new ArrayList<>();
        Map<Integer, List<String>> byRow = new HashMap<>();
        for (Violation v : refusal.violations()) {
            String message = messages.of(v);
            if (v.row() != null) {
                listed.add(messages.get("error.cell", v.row(), v.column() == null ? "" : v.column(), message));
            } else if (v.member() != null && v.member() < rows.size()) {
                int row = rows.get(v.member());
                listed.add(messages.get("competition.page.memberNo", row + 1) + "：" + message);
                byRow.computeIfAbsent(row, r -> new ArrayList<>()).add(message);
            } else {
                listed.add(message);
            }
        }
        ModelAndView view = new ModelAndView(REGISTER + "refused", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("errors", listed);
        view.addObject("memberErrors", memberErrors(memberRows, byRow));
        return view;
    }

    private static List<String> memberErrors(int rows, Map<Integer, List<String>> byRow) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            errors.add(String.join(" ", byRow.getOrDefault(i, List.of())));
        }
        return errors;
    }

    private static String at(@Nullable List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
    }
}
