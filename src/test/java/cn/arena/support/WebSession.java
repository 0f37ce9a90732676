package cn.arena.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A browser's view of Arena without a browser: signs in through the login form, keeps the session cookie and sends
 * the CSRF token with every form, as the server-rendered pages expect. For testing pages; the API has {@link Api}.
 */
public final class WebSession {

    /** A page: status, HTML text and where a redirect points. */
    public record Page(int status, String html, String location) {}

    private final String base;
    private final String language;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    private WebSession(int port, String language) {
        this.base = "http://localhost:" + port;
        this.language = language;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in with the login form; fails the test when the form does not accept the credentials. */
    public static WebSession login(int port, String username, String password) {
        return login(port, username, password, "zh-CN");
    }

    /** Signs in as a browser whose preferred language is {@code language} (e.g. "en"). */
    public static WebSession login(int port, String username, String password, String language) {
        WebSession session = new WebSession(port, language);
        session.get("/login");
        Page result = session.post("/login", Map.of("username", username, "password", password));
        if (result.status() != 302 || result.location().contains("error")) {
            throw new AssertionError("login of " + username + " failed: " + result.status() + " " + result.location());
        }
        return session;
    }

    /** What a browser asks for when it opens a page. */
    public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", BROWSER_ACCEPT).GET());
    }

    /** Posts a form as htmx does: marked {@code HX-Request}, the CSRF token in the header the layout's meta tags name. */
    public Page htmx(String path, Map<String, ?> fields) {
        String body = formBody(fields);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true").header("X-XSRF-TOKEN", csrf()).header("Accept", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form, with the session's CSRF token; a list value is sent as the field repeated, as checkboxes are. */
    public Page post(String path, Map<String, ?> fields) {
        String body = "_csrf=" + encode(csrf()) + "&" + formBody(fields);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a multipart form with one file (field {@code file}) and the CSRF token as a form field, as a browser does. */
    public Page upload(String path, byte[] file) {
        return upload(path, file, "upload.xlsx");
    }

    public Page upload(String path, byte[] file, String filename) {
        String boundary = "----arena" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(file);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** The CSRF token a page has set; signing in replaces it, so like a browser this loads a page when there is none. */
    private String csrf() {
        if (csrfCookie().isEmpty()) {
            get("/");
        }
        return csrfCookie().orElseThrow(() -> new AssertionError("no CSRF cookie"));
    }

    private java.util.Optional<String> csrfCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN") && !c.getValue().isEmpty())
                .map(HttpCookie::getValue).findFirst();
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.header("Accept-Language", language).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String formBody(Map<String, ?> fields) {
        return fields.entrySet().stream()
                .flatMap(e -> (e.getValue() instanceof java.util.List<?> values ? values : java.util.List.of(e.getValue())).stream()
                        .map(v -> encode(e.getKey()) + "=" + encode(String.valueOf(v))))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
