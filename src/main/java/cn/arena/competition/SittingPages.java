package cn.arena.competition;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.shared.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organizer's pages of a stage's sittings, advancement and final: the sitting page, and the htmx fragments the
 * stage and sitting pages swap in — the accounts of a new sitting, passwords given anew (each shown once), the
 * advancement preview and what advancing did, finalists named, a score entered by hand. Refusals propagate: {@code web/PageProblems} answers them as the localized fragment beside the form.
 */
@Controller
@OrganizerOnly
class SittingPages {

    private static final String FRAGMENTS = "competition/sitting-fragments :: ";

    private final Sittings sittings;
    private final StageAdvancement advancement;
    private final Stages stages;
    private final StageScores scores;
    private final StageStandings standings;
    private final Registration registration;
    private final Messages messages;

    SittingPages(Sittings sittings, StageAdvancement advancement, Stages stages, StageScores scores, StageStandings standings,
            Registration registration, Messages messages) {
        this.scores = scores;
        this.standings = standings;
        this.registration = registration;
        this.messages = messages;
        this.sittings = sittings;
        this.advancement = advancement;
        this.stages = stages;
    }

    @GetMapping("/sittings/{id}")
    String sitting(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Sittings.SittingDetail detail = sittings.sitting(user, id);
        Stages.StageOf s = stages.managed(user, detail.sitting().stageId());
        model.addAttribute("detail", detail);
        model.addAttribute("stage", s.stage());
        model.addAttribute("c", s.competition());
        return "competition/sitting";
    }

    /** The sitting form: rooms come as parallel rows of names and seat counts; blank rows are left out. */
    @PostMapping("/stages/{id}/sittings")
    String createSitting(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable Long examId,
            @RequestParam(required = false) @Nullable List<String> unitKinds, @RequestParam(required = false) @Nullable List<String> roomName,
            @RequestParam(required = false) @Nullable List<String> roomSeats, Model model) {
        model.addAttribute("created", sittings.createSitting(user, id, examId, unitKinds, rooms(roomName, roomSeats)));
        return FRAGMENTS + "created";
    }

    @PostMapping("/sittings/{id}/passwords")
    String reissue(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable Long personId,
            Model model) {
        model.addAttribute("reissued", sittings.reissuePasswords(user, id, personId));
        return FRAGMENTS + "reissued";
    }

    @GetMapping("/stages/{id}/advance/preview")
    String advancePreview(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("preview", advancement.preview(user, id));
        model.addAttribute("stageId", id);
        return FRAGMENTS + "preview";
    }

    @PostMapping("/stages/{id}/advance")
    String advance(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        advancement.advance(user, id);
        // what it did, read back the way the preview showed it
        model.addAttribute("preview", advancement.preview(user, id));
        model.addAttribute("stageId", id);
        return FRAGMENTS + "advanced";
    }

    /** A final's team: its finalists named, answered with a sentence saying so. */
    @PostMapping("/stages/{id}/teams/{teamId}/finalists")
    String finalists(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long teamId,
            @RequestParam(required = false) @Nullable List<Long> personId, Model model) {
        advancement.nameFinalists(user, id, teamId, personId == null ? List.of() : personId);
        model.addAttribute("notice", messages.get("competition.page.finalistsNamed", registration.get(user, teamId).unitName()));
        return "fragments :: notice";
    }

    /** A team's score for a stage marked off-line, answered with the stage's team standings as they now are. */
    @PostMapping("/stages/{id}/teams/{teamId}/score")
    String score(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long teamId,
            @RequestParam(required = false) @Nullable BigDecimal score, @RequestParam(required = false) @Nullable String note, Model model) {
        scores.enterScore(user, id, teamId, score, note == null || note.isBlank() ? null : note.strip());
        model.addAttribute("standings", standings.standings(user, id));
        return FRAGMENTS + "teamStandings";
    }

    /**
     * Rooms from the form's rows: a row with a name or a seat count is a room; a seat count that is not a number counts
     * as 0 seats, which the sitting refuses with its message on {@code rooms}.
     */
    static @Nullable List<Sittings.Room> rooms(@Nullable List<String> names, @Nullable List<String> seats) {
        List<Sittings.Room> rooms = new ArrayList<>();
        int rows = Math.max(names == null ? 0 : names.size(), seats == null ? 0 : seats.size());
        for (int i = 0; i < rows; i++) {
            String name = names != null && i < names.size() ? names.get(i).strip() : "";
            String count = seats != null && i < seats.size() ? seats.get(i).strip() : "";
            if (name.isEmpty() && count.isEmpty()) {
                continue;
            }
            int n;
            try {
                n = Integer.parseInt(count);
            } catch (NumberFormatException e) {
                n = 0;
            }
            rooms.add(new Sittings.Room(name, n));
        }
        return rooms.isEmpty() ? null : rooms;
    }
}
