package cn.arena.web;

import cn.arena.shared.Messages;
import cn.arena.shared.ProblemResponse;
import cn.arena.shared.Refusal;
import cn.arena.shared.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns refusals and framework errors on the JSON API into RFC 9457 problem details whose {@code detail} and
 * {@code errors[].message} are in the caller's language. Unexpected failures are logged and answered with a
 * generic 500 that reveals nothing of the internals.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before PageProblems, which answers everything else
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final Messages messages;

    ApiProblems(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Refusal.class)
    ProblemDetail refusal(Refusal refusal) {
        HttpStatus status = statusOf(refusal);
        List<Violation> violations = refusal.violations();
        String detail = violations.size() == 1 && refusal.kind() == Refusal.Kind.INVALID
                ? messages.of(violations.get(0))
                : messages.get(refusal.messageKey(), refusal.args());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations.stream().map(this::error).toList());
        }
        // a state rule broken (409 TIER_EXHAUSTED, RECUSAL …) is named at the top, where callers branch on it
        if (refusal.kind() == Refusal.Kind.CONFLICT && violations.size() == 1 && violations.get(0).rule() != null) {
            problem.setProperty("rule", violations.get(0).rule());
        }
        return problem;
    }

    /** The status a refusal answers with, on the API and on pages alike. */
    static HttpStatus statusOf(Refusal refusal) {
        return switch (refusal.kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        };
    }

    private Map<String, Object> error(Violation v) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (v.field() != null) error.put("field", v.field());
        if (v.row() != null) error.put("row", v.row());
        if (v.column() != null) error.put("column", v.column());
        if (v.rule() != null) error.put("rule", v.rule());
        if (v.member() != null) error.put("member", v.member());
        error.put("message", messages.of(v));
        return error;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<Violation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Violation.field(f.getField(), "error.field." + f.getCode(), f.getField()))
                .toList();
        return refusal(Refusal.invalid(violations));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ProblemDetail unreadable(Exception e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.get("error.unreadable"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, messages.get("error.upload.tooLarge"));
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.get("error.upload.unreadable"));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(Exception e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, messages.get("error.forbidden"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, messages.get("error.method"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, messages.get("error.mediaType"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.get("error.notFound"));
    }

    /**
     * Every database connection is busy (a burst beyond what the pool serves within its timeout): nothing was saved,
     * and the caller should send the same request again shortly, as the candidate page does for unacknowledged answers.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> busy(Exception e) {
        log.warn("No database connection within the pool's timeout: {}", e.getMessage());
        return unavailable("error.busy");
    }

    /**
     * The database connection broke under the request (PostgreSQL restarted, or terminated the node's sessions): the
     * pool replaces it, so the same request sent again shortly is served. Saves are idempotent; the exam page resends
     * every answer not acknowledged.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> databaseGone(Exception e) {
        log.warn("Database connection lost under a request: {}", e.getMessage());
        return unavailable("error.databaseGone");
    }

    private ResponseEntity<ProblemDetail> unavailable(String key) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", ProblemResponse.RETRY_AFTER_SECONDS)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, messages.get(key)));
    }

    /**
     * Anything else is a defect, logged as an error; except a client gone while its answer was written (a screen
     * closing its live stream, a phone losing signal): there is nobody to answer, and nothing is wrong on our side.
     */
    @ExceptionHandler(Exception.class)
    @Nullable ProblemDetail unexpected(Exception e) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("Client gone while its answer was written: {}", e.toString());
            return null;
        }
        log.error("Unexpected failure on the API", e);
        return ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(500), messages.get("error.internal"));
    }
}
