package org.boxoffice.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document must equal the committed {@code docs/openapi.json}, so every change to the contract
 * is a visible diff in review. After an intended change: {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true}.
 */
class OpenApiDocumentTest extends ApiTest {
    private static final Path SNAPSHOT = Path.of("docs/openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @Test
    void theServedDocumentMatchesTheCommittedSnapshot() throws IOException {
        String served = RestAssured.get("/v3/api-docs").then().statusCode(200).extract().asString();
        JsonNode document = JSON.readTree(served);
        // the test's random port; the snapshot names the default public URL
        ((tools.jackson.databind.node.ObjectNode) document).putArray("servers").addObject()
                .put("url", "http://localhost:8080").put("description", "This Boxoffice (BOXOFFICE_PUBLIC_URL)");
        String normalized = JSON.writeValueAsString(JSON.treeToValue(document, Object.class)) + "\n";
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, normalized);
        }
        assertThat(Files.exists(SNAPSHOT)).as("docs/openapi.json exists").isTrue();
        assertThat(normalized).as("served OpenAPI document vs docs/openapi.json (see this test's javadoc)")
                .isEqualTo(Files.readString(SNAPSHOT));
    }

    /** What a generated SDK's method names come from: resource and action, unique, no springdoc suffixes. */
    @Test
    void everyOperationIsNamedTaggedAndDescribedForGeneratedClients() throws IOException {
        JsonNode document = JSON.readTree(RestAssured.get("/v3/api-docs").asString());
        List<String> tags = new ArrayList<>();
        document.path("tags").forEach(tag -> {
            tags.add(tag.path("name").asString());
            assertThat(tag.path("description").asString()).as("tag " + tag.path("name")).isNotBlank();
        });
        List<String> ids = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String where = operation.getKey().toUpperCase() + " " + path.getKey();
            JsonNode op = operation.getValue();
            ids.add(op.path("operationId").asString());
            assertThat(op.path("operationId").asString()).as(where + " operationId (openapi/operations.yml)")
                    .matches("[a-z]+(?:[A-Z][a-z]+)+");
            assertThat(op.path("summary").asString()).as(where + " summary").isNotBlank();
            assertThat(op.path("description").asString()).as(where + " description").isNotBlank();
            assertThat(op.path("tags")).as(where + " tags").hasSize(1);
            assertThat(tags).as(where + " tag is a documented section").contains(op.path("tags").get(0).asString());
            assertThat(op.has("security")).as(where + " declares its security").isTrue();
            op.path("requestBody").path("content").properties().stream()
                    .filter(media -> media.getKey().equals("application/json"))
                    .forEach(media -> assertThat(media.getValue().has("example")).as(where + " request example").isTrue());
        }));
        assertThat(ids).doesNotHaveDuplicates().contains("createQuote", "getOrder", "listOrders",
                "createBasketStripeObject", "adminCreatePartner", "createToken");
        assertThat(document.path("paths").has("/error")).isFalse();
        List<String> camelCase = new ArrayList<>();
        document.path("components").path("schemas").properties().forEach(schema -> schema.getValue().path("properties")
                .propertyNames().stream().filter(name -> !name.matches("[a-z0-9_]+"))
                .forEach(name -> camelCase.add(schema.getKey() + "." + name)));
        assertThat(camelCase).as("schema properties not in the API's snake_case").isEmpty();
        assertThat(document.path("servers").get(0).path("url").asString()).startsWith("http://localhost:");
    }

    @Test
    void everyOperationDocumentsItsErrors() throws IOException {
        JsonNode paths = JSON.readTree(RestAssured.get("/v3/api-docs").asString()).path("paths");
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            assertThat(responses.has("500")).as(operation.getKey() + " " + path.getKey() + " documents 500").isTrue();
            if (path.getKey().startsWith("/v1/") && !path.getKey().equals("/v1/auth/token")) {
                assertThat(responses.path("401").path("description").asString())
                        .as(path.getKey()).contains("UNAUTHORIZED").contains("TOKEN_EXPIRED");
                assertThat(responses.has("429")).isTrue();
            }
        }));
        assertThat(paths.path("/v1/events/{eventId}").path("get").path("responses").path("404").path("description").asString())
                .contains("EVENT_NOT_FOUND");
    }
}
