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
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    private WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in with the login form; fails the test when the form does not accept the credentials. */
    public static WebSession login(int port, String username, String password) {
        WebSession session = new WebSession(port);
        session.get("/login");
        Page result = session.post("/login", Map.of("username", username, "password", password));
        if (result.status() != 302 || result.location().contains("error")) {
            throw new AssertionError("login of " + username + " failed: " + result.status() + " " + result.location());
        }
        return session;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form, with the session's CSRF token. */
    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&", "_csrf=" + encode(csrf()) + "&", ""));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a multipart form with one file (field {@code file}) and the CSRF token as a form field, as a browser does. */
    public Page upload(String path, byte[] file) {
        String boundary = "----arena" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.xlsx\"\r\n"
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
            HttpResponse<String> response = client.send(request.header("Accept-Language", "zh-CN").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
