package org.boxoffice.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.restassured.RestAssured;
import org.boxoffice.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A bug (here: a handler added only to this test that throws) answers 500 INTERNAL_ERROR in the envelope, without
 * internals, and the log line that records it carries the request id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfig.class, UnexpectedFailureTest.Broken.class})
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailureTest {
    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @TestConfiguration
    @RestController
    static class Broken {
        @GetMapping("/admin/v1/test-only/broken")
        String broken() {
            throw new IllegalStateException("secret internals must not leak");
        }
    }

    @Test
    void aBugIsAnInternalErrorWithoutInternalsAndLoggedWithTheRequestId(CapturedOutput output) {
        RestAssured.port = port;
        given().header("Authorization", "Bearer test-operator-key-0123456789abcdef").header("X-Request-Id", "trace-me-42")
                .get("/admin/v1/test-only/broken").then().statusCode(500)
                .header("X-Request-Id", "trace-me-42")
                .body("error.code", equalTo("INTERNAL_ERROR")).body("meta.request_id", equalTo("trace-me-42"))
                .body(not(containsString("secret internals")));
        assertThat(output.getOut()).containsPattern("ERROR \\[trace-me-42\\].*unexpected error");
    }

    @Test
    void errorIsNotAPathOfItsOwnAndMetricsAreOnTheManagementPort() {
        RestAssured.port = port;
        given().get("/error").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().port(managementPort).get("/actuator/prometheus").then().statusCode(200)
                .body(containsString("http_server_requests_seconds")).body(containsString("hikaricp_connections"));
    }
}
