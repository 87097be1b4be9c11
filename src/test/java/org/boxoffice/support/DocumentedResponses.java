package org.boxoffice.support;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every JSON answer a test receives, checked against the served OpenAPI document (OpenAPI 3.1 schemas are JSON Schema
 * 2020-12): the operation is found by method and path template, the schema by status code, and objects are closed
 * ({@code additionalProperties: false}), so a field the code adds, drops, renames or nulls without the document saying
 * so fails the test that saw it.
 */
public final class DocumentedResponses implements Filter {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Integer, DocumentedResponses> BY_PORT = new ConcurrentHashMap<>();
    private final ObjectNode document;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private record Route(String method, String template, Pattern pattern, int literals) {
    }

    private DocumentedResponses(ObjectNode document) {
        this.document = document;
        document.path("paths").properties().forEach(path -> path.getValue().propertyNames().forEach(method -> {
            String template = path.getKey();
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            routes.add(new Route(method.toUpperCase(), template, Pattern.compile(regex),
                    template.replaceAll("\\{[^}]+}", "").length()));
        }));
        routes.sort(Comparator.comparingInt(Route::literals).reversed());
        close(document.path("components").path("schemas"));
        document.path("paths").forEach(item -> item.forEach(operation -> operation.path("responses")
                .forEach(response -> response.path("content").forEach(media -> close(media.path("schema"))))));
    }

    /** The checker for the application on {@code port}, reading its document once. */
    public static DocumentedResponses of(int port) {
        return BY_PORT.computeIfAbsent(port, p -> new DocumentedResponses((ObjectNode) JSON.readTree(
                RestAssured.given().port(p).get("/v3/api-docs").then().statusCode(200).extract().asString())));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expectation,
                           FilterContext context) {
        Response response = context.next(request, expectation);
        String type = response.getContentType();
        if (type == null || !type.startsWith("application/json")) {
            return response;
        }
        String path = URI.create(request.getURI()).getRawPath();
        route(request.getMethod(), path).ifPresent(route -> {
            String where = request.getMethod() + " " + path + " → " + response.getStatusCode();
            JsonNode responses = document.path("paths").path(route.template()).path(route.method().toLowerCase())
                    .path("responses");
            String status = String.valueOf(response.getStatusCode());
            if (!responses.has(status)) {
                throw new AssertionError(where + ": status not documented for " + route.template());
            }
            JsonNode schema = responses.path(status).path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                return;
            }
            String pointer = "#/paths/" + escape(route.template()) + "/" + route.method().toLowerCase() + "/responses/"
                    + status + "/content/application~1json/schema";
            var errors = schemas.computeIfAbsent(pointer, this::schema).validate(JSON.readTree(response.asString()));
            if (!errors.isEmpty()) {
                throw new AssertionError(where + " does not match the OpenAPI document: " + errors);
            }
        });
        return response;
    }

    private Optional<Route> route(String method, String path) {
        return routes.stream().filter(r -> r.method().equals(method) && r.pattern().matcher(path).matches()).findFirst();
    }

    private Schema schema(String pointer) {
        ObjectNode root = document.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", pointer);
        return registry.getSchema(root);
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }

    /** Objects allow only the properties they document. */
    private static void close(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(DocumentedResponses::close);
        } else if (schema != null && schema.isArray()) {
            schema.forEach(DocumentedResponses::close);
        }
    }
}
