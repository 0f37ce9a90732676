package cn.arena.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A signed-in browser session for page tests: a session cookie, and the CSRF token every form carries. */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");

    record Page(int status, String html, String location) {}

    private final String base;
    private final HttpClient client;
    private final String language;

    private Browser(int port, String language) {
        this.base = "http://localhost:" + port;
        this.language = language;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static Browser signIn(int port, String username, String password, String language) {
        Browser browser = new Browser(port, language);
        Page login = browser.get("/login");
        Page done = browser.form("/login", login, Map.of("username", username, "password", password));
        assertThat(done.location()).as("login of " + username).doesNotContain("error");
        return browser;
    }

    Page get(String path) {
        return send(request(path).GET());
    }

    /** Posts a form as the page would, with the CSRF token found on {@code from}. */
    Page form(String path, Page from, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(from));
        String body = all.entrySet().stream().flatMap(e -> (e.getValue() instanceof List<?> values ? values : List.of(e.getValue())).stream()
                .map(v -> enc(e.getKey()) + "=" + enc(String.valueOf(v)))).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Page upload(String path, Page from, byte[] file, String filename) {
        String boundary = "----page" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(from) + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(file);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private static String csrf(Page page) {
        Matcher m = CSRF.matcher(page.html());
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language);
    }

    private Page send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
