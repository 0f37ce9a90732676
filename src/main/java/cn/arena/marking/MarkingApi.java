package cn.arena.marking;

import cn.arena.account.CurrentUser;
import cn.arena.shared.Spreadsheet;
import cn.arena.account.OrganizerOnly;
import cn.arena.marking.Grading.ExamTasks;
import cn.arena.marking.Grading.TaskView;
import cn.arena.marking.Releasing.Released;
import cn.arena.marking.ResultsService.AttemptResult;
import cn.arena.marking.ResultsService.ItemStat;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Marking and results on the JSON API: blind marking tasks, grader enrolment, release, results, ranking, statistics, export. */
@RestController
@RequestMapping("/api/v1")
class MarkingApi {

    record Usernames(@Nullable List<String> usernames) {}

    record Enrolled(int enrolled) {}

    record MarkBody(@Nullable BigDecimal points, @Nullable String comment) {}

    record RankingView(int rank, String username, String displayName, BigDecimal score, Instant submittedAt, long timeUsedSeconds) {}

    private final Grading marking;
    private final Releasing releasing;
    private final ResultsService results;

    MarkingApi(Grading marking, Releasing releasing, ResultsService results) {
        this.marking = marking;
        this.releasing = releasing;
        this.results = results;
    }

    /** The exams the caller may mark, with open and marked task counts. */
    @GetMapping("/marking/exams")
    @Operation(summary = "Exams the caller may mark, with open and marked task counts")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER','GRADER')")
    Map<String, List<ExamTasks>> examsToMark(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("items", marking.examsToMark(user));
    }

    /** The next blind task of the exam for this grader (the one already held, if any); 204 when none is left. */
    @GetMapping("/exams/{id}/marking/next")
    @Operation(summary = "The next blind marking task (204 when none is left)", description = """
            Returns the task this grader already holds in the exam, or takes the next free one (a task not marked within
            30 minutes goes back to the pool). The task carries no candidate identity: no name, username, user id or
            attempt id; taskId is random. Graders see the exams they are enrolled on (POST /exams/{id}/graders), or every
            exam when they have no org unit scope; organizers the exams in their scope.""")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER','GRADER')")
    ResponseEntity<TaskView> next(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return marking.nextTask(user, id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/marking/{taskId}")
    @Operation(summary = "A task seen before, e.g. to change its mark")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER','GRADER')")
    TaskView task(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId) {
        return marking.task(user, taskId);
    }

    /** Enters or changes the mark of a task: 422 for points outside 0..max, 409 for a change after release. */
    @PutMapping("/marking/{taskId}")
    @Operation(summary = "Enter or change a mark", description = """
            points must lie in 0..maxPoints with at most two decimals (422 on field points). A mark may be changed until
            the exam's results are released (409 after); every mark and change is kept in the marking history and the audit log.""")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER','GRADER')")
    ResponseEntity<Void> mark(@AuthenticationPrincipal CurrentUser user, @PathVariable String taskId, @RequestBody MarkBody body) {
        marking.saveMark(user, taskId, new GraderMark(body.points(), body.comment()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/exams/{id}/graders")
    @Operation(summary = "Enrol graders on an exam by username (users with the GRADER role)")
    @OrganizerOnly
    Enrolled enrolGraders(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Usernames body) {
        return new Enrolled(marking.enrolGraders(user, id, body.usernames() == null ? List.of() : body.usernames()));
    }

    /** Publishes the results; 409 while submitted attempts wait for marks, unless {@code force=true}. */
    @PostMapping("/exams/{id}/release")
    @Operation(summary = "Release the exam's results", description = """
            Refused with 409 while any submitted attempt still waits for marks, unless force=true: then the marked attempts
            are published at once and the others as their last task is marked. From release on, candidates see their
            results (items, points, their answers, the key and the analysis) and the ranking, and marks can no longer be
            changed (a first mark for an attempt submitted late is still accepted). Releasing again changes nothing.""")
    @OrganizerOnly
    Released release(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean force) {
        return releasing.release(user, id, force);
    }

    @GetMapping("/attempts/{attemptId}/result")
    @Operation(summary = "An attempt's released result", description = """
            For the attempt's candidate and organizers whose scope covers the exam; anyone else 404. Before release (or
            while the attempt still waits for marks) 409. answer and correctAnswer use the keys the candidate saw;
            FILL_BLANK correctAnswer is the first accepted alternative per blank, all alternatives are in alternatives.""")
    AttemptResult result(@AuthenticationPrincipal CurrentUser user, @PathVariable long attemptId) {
        return results.result(user, attemptId);
    }

    @GetMapping("/exams/{id}/ranking")
    @Operation(summary = "The exam's ranking, best first", description = """
            Equal scores share a rank (1, 2, 2, 4) unless the exam's tieBreak is LESS_TIME or EARLIER_SUBMIT. Organizers
            in scope see it at any time (marked attempts only); candidates enrolled on the exam only after release (409 before).""")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER','CANDIDATE')")
    Map<String, List<RankingView>> ranking(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Map.of("rows", results.ranking(user, id).stream()
                .map(r -> new RankingView(r.rank(), r.username(), r.displayName(), r.score(), r.submittedAt(), r.timeUsedSeconds()))
                .toList());
    }

    @GetMapping("/exams/{id}/item-stats")
    @Operation(summary = "Per question: attempts, answered, marked, mean points and facility (mean earned / points)")
    @OrganizerOnly
    Map<String, List<ItemStat>> itemStats(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Map.of("items", results.itemStats(user, id));
    }

    @GetMapping("/exams/{id}/results.xlsx")
    @Operation(summary = "Results workbook: rank, username, name, score, submitted at, points per item (audited)")
    @OrganizerOnly
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return Spreadsheet.download(results.export(user, id), "exam-" + id + "-results.xlsx");
    }
}
