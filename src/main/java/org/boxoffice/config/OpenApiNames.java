package org.boxoffice.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yaml.snakeyaml.Yaml;

/**
 * The names SDKs are generated from: schema properties in snake_case, as the API speaks, and, kept in one reviewable
 * file ({@code openapi/operations.yml}), each operation's operationId, tag, summary and description, and the tags
 * with their descriptions. Also the server partners call
 * ({@code BOXOFFICE_PUBLIC_URL}) and an explicit "no security" on the public operations, so that every operation's
 * security is declared.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiNames {
    static final String CATALOGUE = "openapi/operations.yml";

    record Named(String operationId, String tag, String summary, String description) {
    }

    /**
     * Schema properties named as the API sends them, in snake_case: swagger-core reads models with its own (Jackson 2)
     * mapper, which does not see {@code spring.jackson.property-naming-strategy}.
     */
    @Bean
    ModelResolver snakeCaseSchemas() {
        return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(true);
    }

    /** A record component marked {@code @Nullable} may be {@code null} in answers: JSON Schema type {@code [T, "null"]}. */
    @Bean
    PropertyCustomizer nullableProperties() {
        return (property, type) -> {
            boolean nullable = type.getCtxAnnotations() != null && Arrays.stream(type.getCtxAnnotations())
                    .anyMatch(annotation -> annotation.annotationType().getSimpleName().equals("Nullable"));
            if (nullable && property.get$ref() != null) {
                return new JsonSchema().anyOf(List.of(new JsonSchema().$ref(property.get$ref()),
                        new JsonSchema().types(Set.of("null"))));
            }
            if (nullable) {
                Set<String> types = new LinkedHashSet<>(property.getTypes() == null ? Set.of() : property.getTypes());
                if (property.getType() != null) {
                    types.add(property.getType());
                }
                types.add("null");
                property.setTypes(types);
            }
            return property;
        };
    }

    @Bean
    GlobalOpenApiCustomizer operationNames(@Value("${boxoffice.public-url}") String publicUrl) {
        Map<String, Object> catalogue = read();
        Map<String, Named> named = operations(catalogue);
        return openApi -> {
            openApi.servers(List.of(new Server().url(publicUrl).description("This Boxoffice (BOXOFFICE_PUBLIC_URL)")));
            openApi.tags(tags(catalogue));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                Named name = named.get(method.name() + " " + path);
                if (name != null) { // an unnamed operation keeps springdoc's name, and fails OpenApiDocumentTest
                    operation.operationId(name.operationId()).tags(List.of(name.tag())).summary(name.summary())
                            .description(name.description());
                }
                if (!path.startsWith("/v1/") && !path.startsWith("/admin/")) {
                    operation.setSecurity(new ArrayList<>()); // public: webhooks (signed), vouchers, the sandbox
                }
            }));
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Named> operations(Map<String, Object> catalogue) {
        Map<String, Named> named = new LinkedHashMap<>();
        ((Map<String, List<String>>) catalogue.get("operations")).forEach((key, value) -> {
            if (value.size() != 4) {
                throw new IllegalStateException(CATALOGUE + ": " + key + " needs [operationId, tag, summary, description]");
            }
            named.put(key, new Named(value.get(0), value.get(1), value.get(2), value.get(3)));
        });
        return named;
    }

    @SuppressWarnings("unchecked")
    private static List<Tag> tags(Map<String, Object> catalogue) {
        return ((List<Map<String, String>>) catalogue.get("tags")).stream()
                .map(tag -> new Tag().name(tag.get("name")).description(tag.get("description"))).toList();
    }

    static Map<String, Object> read() {
        try (InputStream in = OpenApiNames.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException(CATALOGUE + " is missing");
            }
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
