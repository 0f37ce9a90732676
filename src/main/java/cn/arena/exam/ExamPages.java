package cn.arena.exam;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.bank.QuestionType;
import cn.arena.shared.Messages;
import cn.arena.shared.Times;
import cn.arena.shared.Usernames;
import java.time.Instant;
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
 * The exam pages: candidates' list and sitting page (phone first), organizers' list, form and detail. The sitting page
 * and the new-exam form are scripts over the JSON API; the detail page changes data with htmx through the same
 * {@link ExamService} the API calls, so browser and scripts share one set of rules.
 */
@Controller
class ExamPages {

    /** A line of the organizer's list. */
    record ExamLine(long id, String title, String windowStart, String windowEnd, int durationMinutes, String variant, String status,
            int items) {

        static ExamLine of(Exam e, Times times) {
            return new ExamLine(e.id(), e.title(), times.shown(e.windowStart()), times.shown(e.windowEnd()), e.durationMinutes(),
                    e.variant().name(), e.status().name(), e.blueprint().itemCount());
        }
    }

    /** An enrolled candidate on the organizer's exam page. */
    record CandidateLine(String username, String displayName, String status, String startedAt, String submittedAt, int answered) {}

    private final ExamService exams;
    private final AttemptService attempts;
    private final Times times;
    private final Messages messages;

    ExamPages(ExamService exams, AttemptService attempts, Times times, Messages messages) {
        this.exams = exams;
        this.attempts = attempts;
        this.times = times;
        this.messages = messages;
    }

    @GetMapping("/my/exams")
    String myExams(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("exams", attempts.candidateExams(user));
        return "exam/my-exams";
    }

    @GetMapping("/my/exams/{id}")
    String sitting(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        Exam exam = attempts.enrolledExam(user, id);
        model.addAttribute("exam", exam);
        model.addAttribute("serverNow", attempts.now().toEpochMilli());
        return "exam/sitting";
    }

    @GetMapping("/exams")
    @OrganizerOnly
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("exams", exams.list(user).stream().map(e -> ExamLine.of(e, times)).toList());
        return "exam/list";
    }

    @GetMapping("/exams/new")
    @OrganizerOnly
    String form(Model model) {
        model.addAttribute("types", QuestionType.values());
        return "exam/new";
    }

    @GetMapping("/exams/{id}")
    @OrganizerOnly
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        summary(user, exams.get(user, id), model);
        candidates(user, id, model);
        return "exam/detail";
    }

    /** Enrols the usernames typed one a line; answers the refreshed candidate list (htmx). */
    @PostMapping("/exams/{id}/candidates")
    @OrganizerOnly
    String enrol(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String usernames,
            Model model) {
        int added = exams.enrol(user, id, Usernames.typed(usernames));
        model.addAttribute("notice", messages.get("exam.detail.enrolled", added));
        candidates(user, id, model);
        return "exam/detail :: candidates";
    }

    /** Publishes the exam; answers its refreshed summary (htmx). */
    @PostMapping("/exams/{id}/publish")
    @OrganizerOnly
    String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        summary(user, exams.publish(user, id), model);
        model.addAttribute("notice", messages.get("exam.detail.published"));
        return "exam/detail :: summary";
    }

    private void summary(CurrentUser user, Exam exam, Model model) {
        model.addAttribute("exam", ExamApi.ExamView.of(exam));
        model.addAttribute("window", times.shown(exam.windowStart()) + " – " + times.shown(exam.windowEnd()));
    }

    private void candidates(CurrentUser user, long id, Model model) {
        model.addAttribute("examId", id);
        model.addAttribute("candidates", exams.candidates(user, id).stream().map(c -> {
            var a = c.attempt();
            return new CandidateLine(c.username(), c.displayName(), a == null ? "NOT_STARTED" : a.status().name(),
                    a == null ? "" : times.shown(a.startedAt()), a == null ? "" : times.shown(a.submittedAt()), a == null ? 0 : a.answered());
        }).toList());
    }
}
