package org.boxoffice.config;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.RestAssured;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.boxoffice.support.Json;
import org.boxoffice.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Takes the (embedded) database away and brings it back: 503 with Retry-After meanwhile, then recovery by itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"boxoffice.db.url=", "boxoffice.db.embedded.clean=false", "boxoffice.db.connection-timeout-ms=500"})
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class DatabaseOutageTest {
    private static final String OPERATOR = "Bearer test-operator-key-0123456789abcdef";
    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    DatabaseConfig.DatabaseEndpoint database;

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversWhenItReturns() {
        RestAssured.port = port;
        var created = given().header("Authorization", OPERATOR).contentType(JSON)
                .body(Json.of(obj("name", "Outage Partner", "billing_model", "partner_billed")))
                .post("/admin/v1/partners").then().statusCode(201).extract().jsonPath();
        String tokenBody = Json.of(obj("client_id", created.getString("data.client_id"),
                "client_secret", created.getString("data.client_secret"), "grant_type", "client_credentials"));

        database.embedded().stop();
        // A transactional write (it cannot even begin its transaction) answers 503 too, not 500.
        given().header("Authorization", OPERATOR).contentType(JSON)
                .body(Json.of(obj("name", "During the outage", "billing_model", "partner_billed")))
                .post("/admin/v1/partners").then().statusCode(503).header("Retry-After", "5")
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        given().header("Authorization", OPERATOR).get("/admin/v1/partners").then().statusCode(503)
                .header("Retry-After", "5").body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        given().contentType(JSON).body(tokenBody).post("/v1/auth/token").then().statusCode(503)
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        given().get("/actuator/health").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("components", nullValue());
        given().port(managementPort).get("/actuator/health").then().statusCode(503)
                .body("components.db.status", equalTo("DOWN"));

        database.embedded().start();
        // The pool re-creates its connections in the background: recovery is a condition to wait for, with a bound.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().header("Authorization", OPERATOR).get("/admin/v1/partners").statusCode() == 200);
        given().contentType(JSON).body(tokenBody).post("/v1/auth/token").then().statusCode(200);
        given().get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
