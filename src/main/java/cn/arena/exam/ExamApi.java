package cn.arena.exam;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import cn.arena.paper.BankShare;
import cn.arena.paper.Section;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Exams on the JSON API for organizers and admins: create, list, read, enrol candidates, publish. */
@RestController
@RequestMapping("/api/v1/exams")
@OrganizerOnly
class ExamApi {

    record Created(long id) {}

    record Enrolment(@Nullable List<String> usernames) {}

    record Enrolled(int enrolled) {}

    record ExamView(long id, String title, @Nullable Long ownerUnitId, List<Long> bankIds, Instant windowStart, Instant windowEnd,
            int durationMinutes, String variant, boolean shuffleQuestions, boolean shuffleOptions, List<Section> sections,
            @Nullable BankShare bankShare, String multipleChoiceScoring, @Nullable String tieBreak, String status, int items,
            BigDecimal totalPoints) {

        static ExamView of(Exam e) {
            return new ExamView(e.id(), e.title(), e.ownerUnitId(), e.bankIds(), e.windowStart(), e.windowEnd(), e.durationMinutes(),
                    e.variant().name(), e.shuffleQuestions(), e.shuffleOptions(), e.blueprint().sections(), e.blueprint().bankShare(),
                    e.multipleChoiceScoring().name(), e.tieBreak() == null ? null : e.tieBreak().name(), e.status().name(),
                    e.blueprint().itemCount(), e.blueprint().totalPoints());
        }
    }

    record CandidateView(long userId, String username, String displayName, @Nullable Long attemptId, @Nullable String status,
            @Nullable Instant startedAt, @Nullable Instant deadline, @Nullable Instant submittedAt, int answered) {

        static CandidateView of(ExamService.Candidate c) {
            var a = c.attempt();
            return new CandidateView(c.userId(), c.username(), c.displayName(), a == null ? null : a.attemptId(),
                    a == null ? null : a.status().name(), a == null ? null : a.startedAt(), a == null ? null : a.deadline(),
                    a == null ? null : a.submittedAt(), a == null ? 0 : a.answered());
        }
    }

    private final ExamService exams;

    ExamApi(ExamService exams) {
        this.exams = exams;
    }

    @PostMapping
    @Operation(summary = "Create an exam in draft from a blueprint, a time window and rules")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@AuthenticationPrincipal CurrentUser user, @RequestBody ExamService.NewExam body) {
        return new Created(exams.create(user, body));
    }

    @GetMapping
    @Operation(summary = "Exams in the caller's scope")
    Map<String, List<ExamView>> list(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("items", exams.list(user).stream().map(ExamView::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One exam with its blueprint, window and status")
    ExamView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return ExamView.of(exams.get(user, id));
    }

    @PostMapping("/{id}/candidates")
    @Operation(summary = "Enrol candidates on an exam by username")
    Enrolled enrol(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Enrolment body) {
        return new Enrolled(exams.enrol(user, id, body.usernames()));
    }

    @GetMapping("/{id}/candidates")
    @Operation(summary = "The exam's enrolled candidates with the state of their attempts")
    Map<String, List<CandidateView>> candidates(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Map.of("items", exams.candidates(user, id).stream().map(CandidateView::of).toList());
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish a draft exam so that enrolled candidates can sit it")
    ExamView publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return ExamView.of(exams.publish(user, id));
    }
}
