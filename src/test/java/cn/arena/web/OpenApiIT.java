package cn.arena.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.arena.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiIT extends ApiTest {

    @Test
    void everyOperationHasASummary() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        List<String> operations = new ArrayList<>();
        List<String> withoutSummary = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                JsonNode summary = operation.getValue().get("summary");
                if (summary == null || summary.asString().isBlank()) {
                    withoutSummary.add(name);
                }
            }
        }
        assertThat(operations).hasSizeGreaterThanOrEqualTo(76);
        assertThat(withoutSummary).as("operations without a summary").isEmpty();
    }

    @Test
    void bearerSchemeShowsTheHeaderAsCodeSoTheTokenPlaceholderSurvivesMarkdown() {
        JsonNode docs = anonymous().get("/v3/api-docs").json();
        String bearer = docs.at("/components/securitySchemes/bearer/description").asString();
        assertThat(bearer).contains("`Authorization: Bearer <token>`");
        assertThat(docs.at("/info/description").asString()).contains("`Authorization: Bearer <token>`")
                .doesNotContainPattern("[^`]Authorization: Bearer <token>");
    }
}
