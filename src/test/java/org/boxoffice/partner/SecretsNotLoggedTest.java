package org.boxoffice.partner;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Json.obj;

import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Secrets, tokens and the operator key never reach the logs, even with every logger that handles a request (ours,
 * Spring Security's, Spring MVC's, which prints the bodies it reads and writes) at its most talkative. The test first
 * shows that it does capture those requests' log lines, so it cannot pass because nothing was logged. Tomcat's
 * wire-level DEBUG ({@code org.apache.coyote}) is left out: it prints raw requests, like a packet capture would.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedTest extends ApiTest {
    private static final List<String> TALKATIVE = List.of("org.boxoffice", "org.springframework.security",
            "org.springframework.web", "org.apache.catalina");
    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @BeforeEach
    void everythingAtTrace() {
        TALKATIVE.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
    }

    @AfterEach
    void backToNormal() {
        TALKATIVE.forEach(logger -> logging.setLogLevel(logger, null));
        logging.setLogLevel("org.boxoffice", LogLevel.INFO);
    }

    @Test
    void noSecretOrTokenAppearsInTheLogs(CapturedOutput output) {
        TestPartner partner = fixtures.partner();
        String token = fixtures.token(partner);
        anonymous().header("X-Request-Id", "secrets-wrong-login").contentType(JSON)
                .body(Json.of(obj("client_id", partner.clientId(), "client_secret", partner.clientSecret() + "x",
                        "grant_type", "client_credentials"))).post("/v1/auth/token").then().statusCode(401);
        anonymous().header("X-Request-Id", "secrets-form-login").contentType("application/x-www-form-urlencoded")
                .formParam("client_id", partner.clientId()).formParam("client_secret", partner.clientSecret())
                .formParam("grant_type", "client_credentials").post("/v1/auth/token").then().statusCode(200);
        anonymous().header("X-Request-Id", "secrets-basic-login").auth().preemptive()
                .basic(partner.clientId(), partner.clientSecret()).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").post("/v1/auth/token").then().statusCode(200);
        String rotated = admin().header("X-Request-Id", "secrets-rotation")
                .post("/admin/v1/partners/" + partner.id() + "/rotate-secret").then().statusCode(200)
                .extract().path("data.client_secret");
        as(token).header("X-Request-Id", "secrets-old-token").get("/v1/account");

        // The capture works: each request's own log lines, tagged with its request id, are there.
        assertThat(output.getAll()).contains("[secrets-wrong-login]", "[secrets-form-login]", "[secrets-basic-login]",
                "[secrets-rotation]",
                "[secrets-old-token]");
        String basic = java.util.Base64.getEncoder().encodeToString((partner.clientId() + ":" + partner.clientSecret())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(output.getAll()).doesNotContain(partner.clientSecret()).doesNotContain(rotated)
                .doesNotContain(basic).doesNotContain(token).doesNotContain(OPERATOR_KEY);
    }
}
