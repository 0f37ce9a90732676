package cn.arena.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A script's view of Arena: JSON over HTTP with Basic or Bearer auth, as outside callers use the contract. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A response: status, parsed JSON body (null when there is none or it is not JSON), raw bytes and headers. */
    public record Response(int status, @Nullable JsonNode json, byte[] body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            if (json == null) {
                throw new AssertionError("expected a JSON body, got status " + status + ": " + new String(body, StandardCharsets.UTF_8));
            }
            return json;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public long id() {
            return json().get("id").asLong();
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    private final String base;
    private final @Nullable String authorization;
    private String language = "zh-CN";

    private Api(String base, @Nullable String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Api anonymous(int port) {
        return new Api("http://localhost:" + port, null);
    }

    public static Api basic(int port, String username, String password) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api("http://localhost:" + port, "Basic " + credentials);
    }

    public static Api bearer(int port, String token) {
        return new Api("http://localhost:" + port, "Bearer " + token);
    }

    public Api english() {
        Api api = new Api(base, authorization);
        api.language = "en";
        return api;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, @Nullable Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(bodyOf(body)));
    }

    public Response put(String path, @Nullable Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(bodyOf(body)));
    }

    /** A multipart upload of one file (field {@code file}) plus plain text fields. */
    public Response upload(String path, byte[] file, String filename, Map<String, String> fields) {
        String boundary = "----arena" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        try {
            for (var field : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(file);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    public Response upload(String path, byte[] file) {
        return upload(path, file, "upload.xlsx", Map.of());
    }

    /** An xlsx file whose first sheet holds these rows of text, as a person would fill in a template. */
    public static byte[] xlsx(List<List<String>> rows) {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON object from alternating keys and values, keeping their order; values may be null. */
    public static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept-Language", language)
                .header("Accept", "application/json, application/problem+json, */*");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher bodyOf(@Nullable Object body) {
        return body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && response.body().length > 0) {
                json = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), json, response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
