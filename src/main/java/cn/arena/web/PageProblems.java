package cn.arena.web;

import cn.arena.shared.Messages;
import cn.arena.shared.PageErrors;
import cn.arena.shared.ProblemResponse;
import cn.arena.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What a person sees when a page fails: a localized error page with a way back (403, 404, 409, 500 ...), or, for an
 * htmx request, the refusal as a fragment shown next to the form. Controllers of the JSON API are answered by
 * {@link ApiProblems} first; what reaches here for an {@code /api/**} path without a controller (an unknown address,
 * a wrong method) keeps Spring's problem details.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // before Spring Boot's problem-details handler, which would answer pages with JSON
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    private final Messages messages;
    private final ResponseEntityExceptionHandler api = new ResponseEntityExceptionHandler() {};

    PageProblems(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Refusal.class)
    Object refusal(Refusal refusal, HttpServletRequest request) {
        HttpStatus status = ApiProblems.statusOf(refusal);
        if (isHtmx(request)) {
            ModelAndView fragment = new ModelAndView("fragments :: refusal", status);
            fragment.addObject("errors", PageErrors.of(refusal, messages).listed(messages));
            return fragment;
        }
        return page(status, refusal.kind() == Refusal.Kind.CONFLICT ? messages.get(refusal.messageKey(), refusal.args()) : null);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    Object denied(Exception e, HttpServletRequest request) {
        return failure(HttpStatus.FORBIDDEN, request);
    }

    /** The database is briefly out of reach: nothing was saved, and the page may simply be tried again. */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransactionSystemException.class})
    Object busy(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.warn("No database connection for page {}: {}", request.getRequestURI(), e.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, ProblemResponse.RETRY_AFTER_SECONDS);
        return failure(HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(Exception.class)
    Object other(Exception e, HttpServletRequest request) throws Exception {
        ResponseEntity<Object> standard = standard(e, request);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            if (standard == null) {
                throw e;
            }
            return standard;
        }
        if (standard != null) {
            return failure(standard.getStatusCode(), request);
        }
        log.error("Unexpected failure on page {}", request.getRequestURI(), e);
        return failure(HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** Spring MVC's own answer to its own exceptions (unknown address, wrong method, unreadable parameter ...), if it is one. */
    private @Nullable ResponseEntity<Object> standard(Exception e, HttpServletRequest request) {
        try {
            return api.handleException(e, new ServletWebRequest(request));
        } catch (Exception notStandard) {
            return null;
        }
    }

    private ModelAndView failure(HttpStatusCode status, HttpServletRequest request) {
        if (isHtmx(request)) {
            ModelAndView fragment = new ModelAndView("fragments :: refusal", status);
            fragment.addObject("errors", List.of(reason(status.value())));
            return fragment;
        }
        return page(status, null);
    }

    private ModelAndView page(HttpStatusCode status, @Nullable String detail) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("message", detail);
        return page;
    }

    private String reason(int status) {
        String key = "error.explain." + status;
        String text = messages.get(key);
        return text.equals(key) ? messages.get("error.internal") : text;
    }

    private static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
