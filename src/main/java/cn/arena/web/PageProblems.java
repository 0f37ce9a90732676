package cn.arena.web;

import cn.arena.shared.Messages;
import cn.arena.shared.PageErrors;
import cn.arena.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.ErrorResponse;
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

    @ExceptionHandler(Exception.class)
    Object other(Exception e, HttpServletRequest request) throws Exception {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ResponseEntity<Object> problem = api.handleException(e, new ServletWebRequest(request));
            if (problem != null) {
                return problem;
            }
            throw e;
        }
        if (e instanceof ErrorResponse known) {
            return failure(known.getStatusCode(), request);
        }
        log.error("Unexpected failure on page {}", request.getRequestURI(), e);
        return failure(HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ModelAndView failure(HttpStatusCode status, HttpServletRequest request) {
        if (isHtmx(request)) {
            ModelAndView fragment = new ModelAndView("fragments :: refusal", status);
            fragment.addObject("errors", java.util.List.of(reason(status.value())));
            return fragment;
        }
        return page(status, null);
    }

    private ModelAndView page(HttpStatusCode status, @org.jspecify.annotations.Nullable String detail) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("message", detail);
        return page;
    }

    private String reason(int status) {
        String key = "error.status." + status;
        String text = messages.get(key);
        return text.equals(key) ? messages.get("error.internal") : text;
    }

    private static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
