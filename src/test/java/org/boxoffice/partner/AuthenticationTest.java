package org.boxoffice.partner;

import static io.restassured.http.ContentType.JSON;
import static io.restassured.RestAssured.given;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends ApiTest {

    private io.restassured.response.ValidatableResponse token(Object body) {
        return anonymous().contentType(JSON).body(Json.of(body)).post("/v1/auth/token").then();
    }

    @Test
    void jsonClientCredentialsGiveAOneHourBearerTokenWithAllScopes() {
        TestPartner partner = fixtures.partner();
        token(obj("client_id", partner.clientId(), "client_secret", partner.clientSecret(), "grant_type", "client_credentials"))
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("success", equalTo(true))
                .body("data.token_type", equalTo("Bearer"))
                .body("data.expires_in", equalTo(3600))
                .body("data.expires_at", equalTo(clock.instant().plus(Duration.ofHours(1)).toString()))
                .body("data.scope", equalTo("events:read quotes:write orders:write baskets:write billing:read"))
                .body("data.access_token", notNullValue())
                // RFC 6749 §5.1 at the top level too, for stock OAuth 2.0 clients (API.md §2)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(3600))
                .body("scope", equalTo("events:read quotes:write orders:write baskets:write billing:read"))
                .body("access_token", notNullValue())
                .body("meta.request_id", notNullValue());
    }

    @Test
    void formEncodedAndHttpBasicAreAcceptedToo() {
        TestPartner partner = fixtures.partner();
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", partner.clientId()).formParam("client_secret", partner.clientSecret())
                .post("/v1/auth/token").then().statusCode(200).body("data.token_type", equalTo("Bearer"));
        String basic = Base64.getEncoder().encodeToString((partner.clientId() + ":" + partner.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        given().contentType(ContentType.URLENC).header("Authorization", "Basic " + basic)
                .formParam("grant_type", "client_credentials")
                .post("/v1/auth/token").then().statusCode(200).body("data.access_token", notNullValue());
        given().contentType(ContentType.URLENC).header("Authorization", "Basic !!!not-base64")
                .formParam("grant_type", "client_credentials")
                .post("/v1/auth/token").then().statusCode(401).body("error.code", equalTo("INVALID_CREDENTIALS"));
    }

    @Test
    void tokenRequestErrors() {
        TestPartner partner = fixtures.partner();
        token(obj("client_id", partner.clientId(), "client_secret", partner.clientSecret()))
                .statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        token(obj("client_id", partner.clientId(), "grant_type", "client_credentials"))
                .statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fields[0].field", equalTo("client_secret"));
        token(obj("client_id", 42, "client_secret", "x", "grant_type", "client_credentials"))
                .statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        token(obj("client_id", partner.clientId(), "client_secret", partner.clientSecret(), "grant_type", "password"))
                .statusCode(400).body("error.code", equalTo("UNSUPPORTED_GRANT_TYPE"));
        token(obj("client_id", partner.clientId(), "client_secret", partner.clientSecret(), "grant_type",
                "client_credentials", "scope", "events:read admin:all"))
                .statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        token(obj("client_id", partner.clientId(), "client_secret", "cs_wrong", "grant_type", "client_credentials"))
                .statusCode(401).body("error.code", equalTo("INVALID_CREDENTIALS"));
        token(obj("client_id", "cli_unknown", "client_secret", partner.clientSecret(), "grant_type", "client_credentials"))
                .statusCode(401).body("error.code", equalTo("INVALID_CREDENTIALS"));
        token(obj("client_id", partner.clientId(), "client_secret", "x".repeat(500), "grant_type", "client_credentials"))
                .statusCode(401).body("error.code", equalTo("INVALID_CREDENTIALS"));
    }

    @Test
    void missingMalformedOrForgedTokensAreUnauthorizedWithAChallenge() {
        anonymous().get("/v1/events").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("error.code", equalTo("UNAUTHORIZED"));
        as("garbage").get("/v1/events").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        anonymous().header("Authorization", "Basic abc").get("/v1/events").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        String real = fixtures.token(fixtures.partner());
        String[] parts = real.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"ver\":1", "\"ver\":2").getBytes(StandardCharsets.UTF_8));
        as(parts[0] + "." + forgedPayload + "." + parts[2]).get("/v1/events").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        String unsigned = parts[0].replace(parts[0], Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))) + "." + parts[1] + ".";
        as(unsigned).get("/v1/events").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void aTokenExpiresAfterOneHourByTheClock() {
        String token = fixtures.token(fixtures.partner());
        as(token).get("/v1/account").then().statusCode(200);
        clock.advance(Duration.ofMinutes(59));
        as(token).get("/v1/account").then().statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        as(token).get("/v1/account").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("error.code", equalTo("TOKEN_EXPIRED"));
    }

    @Test
    void rotatingTheSecretRevokesEarlierTokensAndTheOldSecret() {
        TestPartner partner = fixtures.partner();
        String before = fixtures.token(partner);
        var rotated = admin().post("/admin/v1/partners/" + partner.id() + "/rotate-secret").then().statusCode(200)
                .body("data.client_id", equalTo(partner.clientId())).extract().jsonPath();
        as(before).get("/v1/account").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        token(obj("client_id", partner.clientId(), "client_secret", partner.clientSecret(), "grant_type", "client_credentials"))
                .statusCode(401).body("error.code", equalTo("INVALID_CREDENTIALS"));
        TestPartner renewed = new TestPartner(partner.id(), partner.clientId(), rotated.getString("data.client_secret"));
        as(fixtures.token(renewed)).get("/v1/account").then().statusCode(200);
    }

    @Test
    void suspensionRefusesTokensAndCallsAndReactivationDoesNotRestoreOldTokens() {
        TestPartner partner = fixtures.partner();
        String before = fixtures.token(partner);
        admin().post("/admin/v1/partners/" + partner.id() + "/suspend").then().statusCode(200)
                .body("data.status", equalTo("suspended"));
        as(before).get("/v1/events").then().statusCode(403).body("error.code", equalTo("ACCOUNT_SUSPENDED"));
        token(obj("client_id", partner.clientId(), "client_secret", partner.clientSecret(), "grant_type", "client_credentials"))
                .statusCode(403).body("error.code", equalTo("ACCOUNT_SUSPENDED"));
        admin().post("/admin/v1/partners/" + partner.id() + "/reactivate").then().statusCode(200)
                .body("data.status", equalTo("active"));
        as(before).get("/v1/events").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        as(fixtures.token(partner)).get("/v1/events").then().statusCode(200);
    }

    /** Another node revokes by writing the database; this node notices within the recheck interval (2 s). */
    @Test
    void aRevocationMadeOnAnotherNodeReachesThisNodeWithinSeconds() {
        TestPartner partner = fixtures.partner();
        String token = fixtures.token(partner);
        as(token).get("/v1/account").then().statusCode(200); // cached here now
        jdbc.sql("UPDATE partners SET token_version = token_version + 1 WHERE id = :id").param("id", partner.id()).update();
        clock.advance(Duration.ofSeconds(2));
        as(token).get("/v1/account").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void aTokenWithoutTheNeededScopeIsForbidden() {
        TestPartner partner = fixtures.partner();
        String billingOnly = token(obj("client_id", partner.clientId(), "client_secret", partner.clientSecret(),
                "grant_type", "client_credentials", "scope", "billing:read"))
                .statusCode(200).body("data.scope", equalTo("billing:read")).extract().path("data.access_token");
        as(billingOnly).get("/v1/events").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        as(billingOnly).get("/v1/account").then().statusCode(200);
    }

    @Test
    void partnerTokensAndTheOperatorKeyEachOpenOnlyTheirOwnDoor() {
        String partnerToken = fixtures.token(fixtures.partner());
        as(partnerToken).get("/admin/v1/partners").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        as(OPERATOR_KEY).get("/v1/events").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        anonymous().get("/admin/v1/partners").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        as("wrong-key").get("/admin/v1/partners").then().statusCode(401);
        admin().get("/admin/v1/partners").then().statusCode(200).body("pagination.total", greaterThan(0));
    }

    @Test
    void secretsAreStoredOnlyAsBcryptHashes() {
        TestPartner partner = fixtures.partner();
        String stored = jdbc.sql("SELECT secret_hash FROM partners WHERE id = :id").param("id", partner.id())
                .query(String.class).single();
        org.assertj.core.api.Assertions.assertThat(stored).startsWith("$2").doesNotContain(partner.clientSecret());
    }
}
