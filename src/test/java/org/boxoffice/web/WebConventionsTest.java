package org.boxoffice.web;

import static io.restassured.http.ContentType.JSON;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.Test;

class WebConventionsTest extends ApiTest {

    @Test
    void aWellFormedRequestIdIsAdoptedAndEchoedInHeaderAndMeta() {
        String token = fixtures.token(fixtures.partner());
        as(token).header("X-Request-Id", "partner-req.42_A").get("/v1/events").then().statusCode(200)
                .header("X-Request-Id", "partner-req.42_A")
                .body("meta.request_id", equalTo("partner-req.42_A"))
                .body("meta.timestamp", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
    }

    @Test
    void aMissingOrMalformedRequestIdIsReplacedByAUuid() {
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        anonymous().get("/v1/events").then().header("X-Request-Id", matchesPattern(uuid))
                .body("meta.request_id", matchesPattern(uuid));
        anonymous().header("X-Request-Id", "has spaces and ; semicolons").get("/v1/events").then()
                .header("X-Request-Id", matchesPattern(uuid));
        anonymous().header("X-Request-Id", "a".repeat(65)).get("/v1/events").then()
                .header("X-Request-Id", matchesPattern(uuid));
    }

    @Test
    void errorsUseTheEnvelopeWithoutStackTraces() {
        String token = fixtures.token(fixtures.partner());
        as(token).get("/v1/no-such-thing").then().statusCode(404)
                .body("success", equalTo(false)).body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", notNullValue()).body("meta.request_id", notNullValue())
                .body(not(org.hamcrest.Matchers.containsString("Exception")));
        as(token).delete("/v1/events").then().statusCode(405).header("Allow", "GET")
                .body("error.code", equalTo("METHOD_NOT_ALLOWED"));
        anonymous().contentType("application/xml").body("<x/>").post("/v1/auth/token").then().statusCode(415)
                .body("error.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        anonymous().contentType(JSON).body("{\"client_id\": ").post("/v1/auth/token").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        admin().contentType(JSON).body("[1,2]").post("/admin/v1/partners").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        admin().contentType(JSON).body(Json.of(obj("tickets", "not-a-list"))).post("/admin/v1/events/evt_x/tickets")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        as(token).header("Accept", "image/png").get("/v1/events").then().statusCode(406)
                .body("error.code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void valuesTheDatabaseCannotTakeAreValidationErrors() {
        String token = fixtures.token(fixtures.partner());
        // As sent on the wire: RestAssured would otherwise encode the % itself.
        as(token).urlEncodingEnabled(false).get("/v1/events?q=a%00b").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        as(token).urlEncodingEnabled(false).get("/v1/venues/ven%00x").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        admin().urlEncodingEnabled(false).get("/admin/v1/performers?q=%00").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        anonymous().contentType(JSON).body("{\"client_id\":\"a\\u0000b\",\"client_secret\":\"x\",\"grant_type\":\"client_credentials\"}")
                .post("/v1/auth/token").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        admin().contentType(JSON).body("{\"name\":\"bad\\u0000name\",\"billing_model\":\"partner_billed\"}")
                .post("/admin/v1/partners").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void bodiesOverOneMebibyteAreRefusedByLengthAndWhenStreamed() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"billing_model\":\"partner_billed\"}";
        admin().contentType(JSON).body(big).post("/admin/v1/partners").then().statusCode(413)
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"));
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/v1/partners"))
                .header("Authorization", "Bearer " + OPERATOR_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
        long partners = jdbc.sql("SELECT count(*) FROM partners WHERE length(name) > 1000").query(Long.class).single();
        assertThat(partners).isZero();
    }

    @Test
    void rateLimitHeadersOnEveryPartnerResponseAnd429WhenTheBucketIsEmpty() {
        var partner = fixtures.partner();
        admin().contentType(JSON).body(Json.of(obj("requests_per_second", 1, "burst", 3)))
                .put("/admin/v1/partners/" + partner.id() + "/rate-limit").then().statusCode(200)
                .body("data.rate_limit.burst", equalTo(3));
        String token = fixtures.token(partner);
        as(token).get("/v1/account").then().statusCode(200)
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "2").header("RateLimit-Reset", "1");
        as(token).get("/v1/events").then().statusCode(200).header("RateLimit-Remaining", "1");
        as(token).get("/v1/no-such-thing").then().statusCode(404).header("RateLimit-Remaining", "0");
        as(token).get("/v1/account").then().statusCode(429).header("Retry-After", "1")
                .header("RateLimit-Remaining", "0").body("error.code", equalTo("RATE_LIMIT_EXCEEDED"));
        clock.advance(java.time.Duration.ofSeconds(1));
        as(token).get("/v1/account").then().statusCode(200).body("data.rate_limit.requests_per_second", equalTo(1));
        anonymous().get("/v1/events").then().statusCode(401).header("RateLimit-Limit", notNullValue());
        admin().contentType(JSON).body(Json.of(obj("requests_per_second", 0, "burst", 3)))
                .put("/admin/v1/partners/" + partner.id() + "/rate-limit").then().statusCode(400);
    }
}
