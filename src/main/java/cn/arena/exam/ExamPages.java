package cn.arena.exam;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.bank.QuestionType;
import cn.arena.shared.Refusal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The exam pages: candidates' list and sitting page (phone first), organizers' list, form and detail. The pages are
 * shells; their scripts talk to the JSON API, so browser and scripts share one set of rules.
 */
@Controller
class ExamPages {

    /** A line of the candidate's list. */
    record MyExam(long examId, String title, String windowStart, String windowEnd, int durationMinutes, String state,
            @Nullable Long attemptId) {}

    /** A line of the organizer's list. */
    record ExamLine(long id, String title, String windowStart, String windowEnd, int durationMinutes, String variant, String status,
            int items) {

        static ExamLine of(Exam e) {
            return new ExamLine(e.id(), e.title(), show(e.windowStart()), show(e.windowEnd()), e.durationMinutes(), e.variant().name(),
                    e.status().name(), e.blueprint().itemCount());
        }
    }

    /** An enrolled candidate on the organizer's exam page. */
    record CandidateLine(String username, String displayName, String status, String startedAt, String submittedAt, int answered) {}

    /** Times on pages are shown in China Standard Time, where every exam of Arena takes place. */
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    static String show(@Nullable Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }

    private final ExamService exams;
    private final AttemptService attempts;

    ExamPages(ExamService exams, AttemptService attempts) {
        this.exams = exams;
        this.attempts = attempts;
    }

    @GetMapping("/my/exams")
    String myExams(@AuthenticationPrincipal CurrentUser user, Model model) {
        Instant now = attempts.now();
        List<MyExam> mine = new ArrayList<>();
        attempts.mine(user).forEach((exam, attempt) -> {
            String state;
            if (attempt.isPresent()) {
                state = attempt.get().submitted() ? "SUBMITTED" : "IN_PROGRESS";
            } else if (now.isBefore(exam.windowStart())) {
                state = "UPCOMING";
            } else {
                state = exam.isOpenAt(now) ? "OPEN" : "CLOSED";
            }
            mine.add(new MyExam(exam.id(), exam.title(), show(exam.windowStart()), show(exam.windowEnd()), exam.durationMinutes(), state,
                    attempt.map(Attempt::id).orElse(null)));
        });
        model.addAttribute("exams", mine);
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
        model.addAttribute("exams", exams.list(user).stream().map(ExamLine::of).toList());
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
        Exam exam = exams.get(user, id);
        model.addAttribute("exam", ExamApi.ExamView.of(exam));
        model.addAttribute("window", show(exam.windowStart()) + " – " + show(exam.windowEnd()));
        model.addAttribute("candidates", exams.candidates(user, id).stream().map(c -> {
            var a = c.attempt();
            return new CandidateLine(c.username(), c.displayName(), a == null ? "NOT_STARTED" : a.status().name(),
                    a == null ? "" : show(a.startedAt()), a == null ? "" : show(a.submittedAt()), a == null ? 0 : a.answered());
        }).toList());
        return "exam/detail";
    }

    /** Absent, not enrolled or out of scope: the page does not exist for this user. */
    @ExceptionHandler(Refusal.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String refused(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }
}
