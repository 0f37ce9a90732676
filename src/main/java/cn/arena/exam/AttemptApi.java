package cn.arena.exam;

import cn.arena.account.CurrentUser;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The candidate's side of the JSON API: start or resume, save answers, submit. Only one's own attempt is visible. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("isAuthenticated()")
class AttemptApi {

    record Started(long attemptId, Instant deadline, List<AttemptService.ShownItem> items, Map<Integer, JsonNode> answers) {}

    record AttemptState(long attemptId, long examId, String status, Instant startedAt, Instant deadline, @Nullable Instant submittedAt) {}

    record Submitted(String status, Instant submittedAt) {}

    private final AttemptService attempts;

    AttemptApi(AttemptService attempts) {
        this.attempts = attempts;
    }

    @PostMapping("/exams/{examId}/attempt")
    @Operation(summary = "Start the caller's attempt, or resume it with the answers saved so far")
    Started start(@AuthenticationPrincipal CurrentUser user, @PathVariable long examId) {
        AttemptService.Sitting sitting = attempts.start(user, examId);
        return new Started(sitting.attempt().id(), sitting.attempt().deadline().at(), sitting.items(), sitting.answers());
    }

    @GetMapping("/attempts/{attemptId}")
    @Operation(summary = "The caller's attempt: status, deadline, submission time")
    AttemptState get(@AuthenticationPrincipal CurrentUser user, @PathVariable long attemptId) {
        Attempt a = attempts.own(user, attemptId);
        return new AttemptState(a.id(), a.examId(), a.status().name(), a.startedAt(), a.deadline().at(), a.submittedAt());
    }

    @PutMapping("/attempts/{attemptId}/answers/{no}")
    @Operation(summary = "Save the answer to one item (idempotent; 204 once stored)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void save(@AuthenticationPrincipal CurrentUser user, @PathVariable long attemptId, @PathVariable int no,
            @RequestBody(required = false) @Nullable JsonNode body) {
        if (body == null || !body.isObject() || !body.has("value")) {
            // Ownership first: a stranger learns nothing about the attempt from a malformed body.
            attempts.own(user, attemptId);
            throw Refusal.invalid(Violation.field("value", "exam.answer.valueRequired"));
        }
        attempts.save(user, attemptId, no, body.get("value"));
    }

    @PostMapping("/attempts/{attemptId}/submit")
    @Operation(summary = "Submit the attempt (idempotent: a repeated submit answers the first submission)")
    Submitted submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long attemptId) {
        Attempt a = attempts.submit(user, attemptId);
        return new Submitted(a.status().name(), a.submittedAt());
    }
}
