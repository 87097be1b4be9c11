package org.boxoffice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.ga;
import static org.boxoffice.support.Fixtures.seats;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the served OpenAPI document against every wrong credential an attacker would try: none, garbage,
 * forged, expired, without the scope the document names, another partner's on a resource that exists, the operator
 * key on {@code /v1}, a partner token on {@code /admin}. Each must answer the status and code API.md §2 and §9 give,
 * and the document must list that status for the operation. A new endpoint joins this matrix by being served.
 */
class DoorMatrixTest extends ApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Paths open on purpose (their controllers check what they need): anything else must sit behind a door. */
    private static final List<String> OPEN_PREFIXES = List.of("/v1/auth/token", "/webhooks/", "/vouchers/", "/sandbox/");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> OWNED = Set.of("quoteId", "orderId", "basketId", "itemId");
    private static final List<String> SCOPES = List.of("events:read", "quotes:write", "orders:write", "baskets:write", "billing:read");

    private record Operation(String method, String path, JsonNode spec) {
        String name() {
            return method.toUpperCase() + " " + path;
        }

        boolean owned() {
            return PARAMETER.matcher(path).results().anyMatch(m -> OWNED.contains(m.group(1)));
        }

        List<String> scopes() {
            for (JsonNode requirement : spec.path("security")) {
                if (requirement.has("partnerOAuth")) {
                    List<String> scopes = new ArrayList<>();
                    requirement.path("partnerOAuth").forEach(s -> scopes.add(s.asString()));
                    return scopes;
                }
            }
            return List.of();
        }

        boolean documents(int status, String code) {
            return spec.path("responses").path(Integer.toString(status)).path("description").asString().contains(code);
        }
    }

    private final List<String> wrong = new ArrayList<>();
    private int checks;
    private Map<String, String> ids;

    @Test
    void everyOperationRefusesEveryWrongCredentialAsDocumented() {
        JsonNode document = JSON.readTree(RestAssured.get("/v3/api-docs").then().statusCode(200).extract().asString());
        JsonNode schemas = document.path("components").path("schemas");
        List<Operation> partnerOps = new ArrayList<>();
        List<Operation> operatorOps = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            Operation op = new Operation(method.getKey(), path.getKey(), method.getValue());
            if (path.getKey().startsWith("/admin/")) {
                operatorOps.add(op);
            } else if (path.getKey().startsWith("/v1/") && !path.getKey().equals("/v1/auth/token")) {
                partnerOps.add(op);
            } else if (OPEN_PREFIXES.stream().noneMatch(path.getKey()::startsWith)) {
                wrong.add(op.name() + " is neither behind a door nor open on purpose");
            }
        }));
        assertThat(partnerOps).as("partner operations in the document").hasSizeGreaterThan(20);
        assertThat(operatorOps).as("operator operations in the document").hasSizeGreaterThan(30);

        TestPartner owner = fixtures.buyer();
        TestPartner other = fixtures.buyer();
        String ownerToken = fixtures.token(owner);
        String otherToken = fixtures.token(other);
        ids = resourcesOf(ownerToken);
        String forged = forge(ownerToken);
        Map<String, String> scopedTokens = new HashMap<>();
        for (String scope : SCOPES) {
            scopedTokens.put(scope, fixtures.tokenWithScope(owner, scope));
        }

        for (Operation op : partnerOps) {
            expect(op, call(op, null, schemas), 401, "UNAUTHORIZED", true);
            expect(op, call(op, "garbage.token.here", schemas), 401, "UNAUTHORIZED", true);
            expect(op, call(op, forged, schemas), 401, "UNAUTHORIZED", true);
            expect(op, call(op, OPERATOR_KEY, schemas), 401, "UNAUTHORIZED", true);
            for (String needed : op.scopes()) {
                String without = SCOPES.stream().filter(s -> !s.equals(needed)).findFirst().orElseThrow();
                expect(op, call(op, scopedTokens.get(without), schemas), 403, "FORBIDDEN", false);
            }
            if (op.owned()) {
                expect(op, call(op, otherToken, schemas), 403, "FORBIDDEN", false);
            }
        }
        for (Operation op : operatorOps) {
            expect(op, call(op, null, schemas), 401, "UNAUTHORIZED", true);
            expect(op, call(op, "garbage", schemas), 401, "UNAUTHORIZED", true);
            expect(op, call(op, ownerToken, schemas), 401, "UNAUTHORIZED", true);
        }
        clock.advance(Duration.ofHours(1));
        for (Operation op : partnerOps) {
            expect(op, call(op, ownerToken, schemas), 401, "TOKEN_EXPIRED", true);
        }
        assertThat(wrong).as("operations that answered a wrong credential otherwise than documented").isEmpty();
        assertThat(checks).as("calls checked").isGreaterThan(8 * partnerOps.size());
    }

    private void expect(Operation op, Response response, int status, String code, boolean challenge) {
        checks++;
        String got = response.statusCode() + " " + response.path("error.code");
        if (response.statusCode() != status || !code.equals(response.path("error.code"))) {
            wrong.add(op.name() + ": expected " + status + " " + code + ", got " + got);
        } else if (!op.documents(status, code)) {
            wrong.add(op.name() + ": answers " + status + " " + code + " but its document does not list it");
        } else if (challenge && !"Bearer".equals(response.header("WWW-Authenticate"))) {
            wrong.add(op.name() + ": " + status + " without WWW-Authenticate: Bearer");
        } else if (!response.header("X-Request-Id").equals(response.path("meta.request_id"))) {
            wrong.add(op.name() + ": the envelope's request id is not the header's");
        }
    }

    private Response call(Operation op, String token, JsonNode schemas) {
        RequestSpecification request = token == null ? anonymous() : as(token);
        JsonNode body = op.spec().path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
            request = request.contentType("application/json").body(Json.of(example(body, schemas)));
        }
        return request.request(op.method().toUpperCase(), concrete(op.path()));
    }

    private String concrete(String path) {
        Matcher matcher = PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, ids.getOrDefault(matcher.group(1), "x"));
        }
        return matcher.appendTail(out).toString();
    }

    /** A body that passes validation: the required fields, with the owner's resources where the names say so. */
    private Map<String, Object> example(JsonNode schema, JsonNode schemas) {
        if (schema.has("$ref")) {
            schema = schemas.path(schema.path("$ref").asString().replace("#/components/schemas/", ""));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        for (JsonNode required : schema.path("required")) {
            String name = required.asString();
            String wire = name.replaceAll("([A-Z])", "_$1").toLowerCase();
            JsonNode property = schema.path("properties").path(name);
            body.put(wire, switch (property.path("type").asString()) {
                case "integer", "number" -> 1;
                case "boolean" -> false;
                case "object" -> example(property, schemas);
                default -> ids.getOrDefault(name, "x");
            });
        }
        return body;
    }

    /** The owner's quote, order, basket and item, on an event on sale. */
    private Map<String, String> resourcesOf(String token) {
        Fixtures.TestEvent event = fixtures.event(Duration.ofDays(30), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 10, "50.00"), ga("GA", 10, "20.00")));
        String quote = buying.quoteId(token, event.id(), "A", "1", 1);
        String ordered = buying.quoteId(token, event.id(), "A", "1", 1);
        String order = buying.order(token, ordered, "mobile_transfer", clock.instant().plus(Duration.ofDays(2)))
                .statusCode(201).extract().path("data.order_id");
        String basket = buying.basket(token);
        String item = buying.addItem(token, basket, event.id(), "GA", null, 1).statusCode(201)
                .extract().path("data.items[0].item_id");
        Map<String, String> ids = new HashMap<>(Map.of("eventId", event.id(), "sectionName", "A", "rowName", "1",
                "quoteId", quote, "orderId", order, "basketId", basket, "itemId", item, "venueId", event.venueId(),
                "month", clock.instant().toString().substring(0, 7)));
        return ids;
    }

    /** The owner's token, claims untouched, re-signed with a key that is not ours (same header, same kid). */
    private static String forge(String token) {
        try {
            SignedJWT real = SignedJWT.parse(token);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(real.getHeader().getKeyID()).build(),
                    real.getJWTClaimsSet());
            forged.sign(new MACSigner(key));
            return forged.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
