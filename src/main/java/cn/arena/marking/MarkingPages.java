package cn.arena.marking;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.bank.QuestionType;
import cn.arena.exam.ExamInfo;
import cn.arena.marking.ResultsService.AttemptResult;
import cn.arena.marking.ResultsService.ItemResult;
import cn.arena.shared.Messages;
import cn.arena.shared.Refusal;
import cn.arena.shared.Usernames;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The marking pages: the grader's exam list and blind marking screen, the organizer's results page, the candidate's result. */
@Controller
class MarkingPages {

    /** A result item with its answers written out for the page. */
    record ShownItem(ItemResult item, String answer, String correctAnswer) {}

    private final Grading marking;
    private final MarkingAccess access;
    private final Releasing releasing;
    private final ResultsService results;
    private final Messages messages;

    MarkingPages(Grading marking, MarkingAccess access, Releasing releasing, ResultsService results, Messages messages) {
        this.marking = marking;
        this.access = access;
        this.releasing = releasing;
        this.results = results;
        this.messages = messages;
    }

    @GetMapping("/marking")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER','GRADER')")
    String exams(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("exams", marking.examsToMark(user));
        return "marking/exams";
    }

    @GetMapping("/marking/exams/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER','GRADER')")
    String mark(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        ExamInfo exam = access.examToMark(user, id);
        model.addAttribute("exam", exam);
        return "marking/mark";
    }

    @GetMapping("/exams/{id}/results")
    @OrganizerOnly
    String results(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        releaseState(access.examToManage(user, id), model);
        model.addAttribute("ranking", results.ranking(user, id));
        model.addAttribute("stats", results.itemStats(user, id));
        return "marking/results";
    }

    /**
     * Releases the results (htmx); answers the release section. While attempts wait for marks, the section says how
     * many and offers the forced release instead of releasing.
     */
    @PostMapping("/exams/{id}/release")
    @OrganizerOnly
    String release(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "false") boolean force,
            Model model) {
        ExamInfo exam = access.examToManage(user, id);
        try {
            releasing.release(user, id, force);
        } catch (Refusal refusal) {
            if (refusal.kind() != Refusal.Kind.CONFLICT) {
                throw refusal;
            }
            model.addAttribute("unfinished", messages.get(refusal.messageKey(), refusal.args()));
        }
        releaseState(exam, model);
        return "marking/results :: release";
    }

    /** Enrols graders by username (htmx); answers how many were added. */
    @PostMapping("/exams/{id}/graders")
    @OrganizerOnly
    String enrolGraders(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String usernames,
            Model model) {
        int added = marking.enrolGraders(user, id, Usernames.typed(usernames));
        model.addAttribute("notice", messages.get("marking.graders.enrolled", added));
        return "fragments :: notice";
    }

    private void releaseState(ExamInfo exam, Model model) {
        model.addAttribute("exam", exam);
        model.addAttribute("release", releasing.release(exam.id()).orElse(null));
        model.addAttribute("openTasks", marking.openTasks(exam.id()));
    }

    @GetMapping("/my/attempts/{attemptId}/result")
    String result(@AuthenticationPrincipal CurrentUser user, @PathVariable long attemptId, Model model) {
        try {
            AttemptResult result = results.result(user, attemptId);
            model.addAttribute("result", result);
            model.addAttribute("items", result.items().stream()
                    .map(i -> new ShownItem(i, shown(i.type(), i.answer()), shown(i.type(), i.correctAnswer()))).toList());
        } catch (Refusal refusal) {
            if (refusal.kind() != Refusal.Kind.CONFLICT) {
                throw refusal;
            }
            model.addAttribute("waiting", refusal.messageKey());
        }
        return "marking/result";
    }

    /** An answer as the candidate reads it: 正确/错误 for true/false, blanks joined, "未作答" when empty. */
    private String shown(String type, @Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return messages.get("marking.result.unanswered");
        }
        if (value.isBoolean()) {
            return messages.get(value.asBoolean() ? "marking.result.true" : "marking.result.false");
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.isNull() ? "" : v.asString()));
            return String.join(QuestionType.MULTIPLE_CHOICE.name().equals(type) ? "" : "；", parts);
        }
        return value.asString();
    }
}
