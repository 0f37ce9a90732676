package cn.arena.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Writes an RFC 9457 problem body from a servlet filter, where no controller advice applies. */
public final class ProblemResponse {

    /**
     * Seconds a node that cannot serve a request now (busy, or its database briefly gone) asks the caller to wait
     * before sending the same request again. The one value for every 503 Arena answers.
     */
    public static final String RETRY_AFTER_SECONDS = "2";

    private ProblemResponse() {}

    /** 503 with Retry-After: nothing is wrong with the request; send it again shortly. */
    public static void unavailable(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        write(response, HttpStatus.SERVICE_UNAVAILABLE, detail);
    }

    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(response, status, "about:blank", detail);
    }

    /** A problem of a named type (a URI a client may test for), for refusals that a status alone does not tell apart. */
    public static void write(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
