package org.boxoffice.demo;

import static io.restassured.RestAssured.given;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.restassured.RestAssured;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boxoffice.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The first start of an empty database loads the demo catalogue and a ready-to-use partner, and says how to use it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"boxoffice.demo.enabled=true", "boxoffice.db.url=", "boxoffice.admin-key="})
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class DemoDataTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoSetup setup;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theDemoCatalogueIsRichEnoughToTryEverything() {
        assertThat(count("SELECT count(*) FROM venues")).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(20);
        assertThat(count("SELECT count(DISTINCT date_trunc('month', starts_at)) FROM events")).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM event_performers")).isGreaterThanOrEqualTo(20);
        assertThat(count("SELECT count(*) FROM tickets")).isGreaterThanOrEqualTo(10_000);
        assertThat(count("SELECT count(*) FROM tickets WHERE seat_number IS NULL")).isPositive();
        assertThat(count("SELECT count(DISTINCT rank) FROM seat_rows")).isGreaterThan(1);
        assertThat(count("SELECT count(DISTINCT delivery_types) FROM tickets")).isGreaterThan(1);
    }

    @Test
    void theCredentialsFileHoldsAWorkingPartnerAndOperatorKeyAndACurl() throws Exception {
        String text = Files.readString(setup.credentialsFile());
        String clientId = field(text, "client_id");
        String secret = field(text, "client_secret");
        String operatorKey = field(text, "operator key");
        assertThat(text).contains("curl -s -X POST").contains(clientId).contains(secret);
        RestAssured.port = port;
        String token = given().contentType(JSON)
                .body("{\"client_id\":\"" + clientId + "\",\"client_secret\":\"" + secret + "\",\"grant_type\":\"client_credentials\"}")
                .post("/v1/auth/token").then().statusCode(200).extract().path("data.access_token");
        given().header("Authorization", "Bearer " + token).get("/v1/account").then().statusCode(200)
                .body("data.payment_configuration.card_on_file.configured", equalTo(true))
                .body("data.payment_configuration.payout_method.configured", equalTo(true));
        given().header("Authorization", "Bearer " + token).get("/v1/events?limit=100").then().statusCode(200)
                .body("pagination.total", greaterThanOrEqualTo(20));
        given().header("Authorization", "Bearer " + operatorKey).get("/admin/v1/partners").then().statusCode(200);
        String hash = jdbc.sql("SELECT key_hash FROM operator_keys").query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain(operatorKey);
    }

    @Test
    void aLaterStartLoadsNothingTwice() throws Exception {
        long tickets = count("SELECT count(*) FROM tickets");
        setup.run(null);
        assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(tickets);
        assertThat(count("SELECT count(*) FROM partners WHERE name = 'Demo Partner'")).isEqualTo(1);
    }

    private static String field(String text, String name) {
        Matcher m = Pattern.compile("^\\s+" + Pattern.quote(name) + "\\s+(\\S+)$", Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as(name + " in the credentials file").isTrue();
        return m.group(1);
    }
}
