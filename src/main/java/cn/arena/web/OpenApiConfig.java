package cn.arena.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs: what the API is, and the two ways scripts authenticate. */
@Configuration
class OpenApiConfig {

    /** Descriptions are Markdown rendered as HTML: a bare {@code <token>} would be taken for a tag and vanish. */
    static final String BEARER_HEADER = "`Authorization: Bearer <token>`";

    @Bean
    OpenAPI arenaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Arena 比武场 API").version("v1")
                        .description("""
                                Question banks, exams, marking and competitions. JSON in and out; errors are RFC 9457 problem \
                                details in the caller's language (Accept-Language: zh-CN by default, en). Authenticate with HTTP \
                                Basic, or obtain a token from `POST /api/v1/auth/token` and send %s. Objects outside \
                                the caller's scope answer 404.""".formatted(BEARER_HEADER)))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A token from `POST /api/v1/auth/token`, sent as " + BEARER_HEADER + ".")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
