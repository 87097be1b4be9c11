package org.boxoffice.config;

import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies as a generated client should see them: an example for each (from {@code openapi/operations.yml}),
 * and the token request's real shape, which its handlers (a JSON map, form fields read from the request) do not show.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiRequests {
    private static final String TOKEN_REQUEST = "TokenRequest";

    @Bean
    @SuppressWarnings("unchecked")
    GlobalOpenApiCustomizer requestExamples() {
        Map<String, Object> examples = (Map<String, Object>) OpenApiNames.read().get("examples");
        return openApi -> {
            openApi.getComponents().addSchemas(TOKEN_REQUEST, tokenRequest());
            openApi.getComponents().getSchemas().remove("TokenRequestBody"); // the JSON handler's map, replaced
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                    return;
                }
                boolean token = "createToken".equals(operation.getOperationId());
                if (token) { // the form handler reads its fields from the request, so springdoc cannot see them
                    operation.getRequestBody().getContent().addMediaType("application/x-www-form-urlencoded",
                            new io.swagger.v3.oas.models.media.MediaType());
                }
                operation.getRequestBody().getContent().forEach((type, media) -> {
                    if (token) {
                        media.setSchema(new Schema<>().$ref("#/components/schemas/" + TOKEN_REQUEST));
                    }
                    Object example = examples.get(operation.getOperationId());
                    if (example != null && (type.contains("json") || token)) {
                        media.setExample(example);
                    }
                });
            }));
        };
    }

    /** RFC 6749 §4.4.2 (client credentials in the body, or with HTTP Basic instead); JSON or form-encoded. */
    private static Schema<?> tokenRequest() {
        return new ObjectSchema()
                .addProperty("grant_type", new StringSchema()._enum(List.of("client_credentials")))
                .addProperty("client_id", new StringSchema().description("Your client id; or use HTTP Basic"))
                .addProperty("client_secret", new StringSchema().description("Your client secret; or use HTTP Basic"))
                .addProperty("scope", new StringSchema().description("Space-separated scopes to ask for; default: all "
                        + "of yours"))
                .required(List.of("grant_type"));
    }
}
