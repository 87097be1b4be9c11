package org.boxoffice.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Marks every field of a response object required: the API always sends each one, {@code null} when it has no value
 * (those are typed {@code [T, "null"]}), so generated clients need not guess which may be missing. Only schemas that
 * appear in responses alone (a schema also used in a request keeps its validation's own required list), and none
 * that says already which fields are required (the error object: {@code details} is optional).
 */
final class OpenApiResponseFields {
    private static final String REF = "#/components/schemas/";

    private OpenApiResponseFields() {
    }

    @SuppressWarnings("rawtypes")
    static void markRequired(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        List<Operation> operations = openApi.getPaths().values().stream().flatMap(p -> p.readOperations().stream()).toList();
        Set<String> answered = reachable(schemas, operations.stream().flatMap(o -> o.getResponses().values().stream()
                .map(r -> r.getContent())));
        Set<String> asked = reachable(schemas,
                operations.stream().map(o -> o.getRequestBody() == null ? null : o.getRequestBody().getContent()));
        answered.removeAll(asked);
        for (String name : answered) {
            Schema<?> schema = schemas.get(name);
            if (schema != null && schema.getRequired() == null && schema.getProperties() != null
                    && !schema.getProperties().isEmpty()) {
                schema.setRequired(new ArrayList<>(new TreeSet<>(schema.getProperties().keySet())));
            }
        }
    }

    /** The names of the component schemas the contents refer to, directly or through other schemas. */
    @SuppressWarnings("rawtypes")
    private static Set<String> reachable(Map<String, Schema> schemas, Stream<Content> contents) {
        Deque<Schema<?>> todo = new ArrayDeque<>();
        contents.filter(Objects::nonNull).flatMap(c -> c.values().stream()).map(m -> m.getSchema())
                .filter(Objects::nonNull).forEach(todo::add);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Schema<?> schema = todo.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(REF.length());
                if (seen.add(name) && schemas.get(name) != null) {
                    todo.push(schemas.get(name));
                }
                continue;
            }
            children(schema).forEach(todo::push);
        }
        return seen;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Schema<?>> children(Schema<?> schema) {
        List children = new ArrayList<>();
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(children::add);
        }
        if (schema.getItems() != null) {
            children.add(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            children.add(values);
        }
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull)
                .forEach(children::addAll);
        return children;
    }
}
