package org.boxoffice.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.boxoffice.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** What the public port shows of the service itself, and Spring Security's headers on every door (API.md §1). */
class ActuatorAndHeadersTest extends ApiTest {
    @LocalManagementPort
    int managementPort;

    @Test
    void thePublicPortServesHealthStatusOnlyAndNothingElseOfActuator() {
        anonymous().get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("components", nullValue()).body("details", nullValue());
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health/db", "/actuator/info", "/actuator",
                "/actuator/env", "/actuator/health/liveness"}) {
            anonymous().get(path).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
            admin().get(path).then().statusCode(401);
        }
    }

    @Test
    void theManagementPortServesDetailsAndMetrics() {
        anonymous().port(managementPort).get("/actuator/health").then().statusCode(200)
                .body("components.db.status", equalTo("UP"));
        anonymous().port(managementPort).get("/actuator/prometheus").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void answersCarrySpringSecurityHeadersAndAuthenticatedOnesAreNotCached() {
        as(fixtures.partner()).get("/v1/account").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", containsString("no-store"))
                .header("X-Frame-Options", "DENY")
                .header("Strict-Transport-Security", nullValue()); // plain HTTP outside prod
        admin().get("/admin/v1/partners").then().statusCode(200).header("Cache-Control", containsString("no-store"));
        anonymous().get("/v1/events").then().statusCode(401).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void corsIsClosedUnlessOriginsAreConfigured() {
        anonymous().header("Origin", "https://tickets.example").header("Access-Control-Request-Method", "GET")
                .options("/v1/events").then().header("Access-Control-Allow-Origin", nullValue());
        as(fixtures.partner()).header("Origin", "https://tickets.example").get("/v1/account").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
