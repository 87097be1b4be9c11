package org.boxoffice.security;

import static io.restassured.RestAssured.given;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;

import com.zaxxer.hikari.HikariDataSource;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import org.boxoffice.BoxofficeApplication;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.boxoffice.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Two application instances on one database, as two nodes behind a load balancer: this test's context and a second
 * one started here on the same PostgreSQL (and the same movable clock). Rate limits and revocations hold across both.
 */
class TwoNodesTest extends ApiTest {
    private static ConfigurableApplicationContext second;
    private static int secondPort;
    @Autowired
    HikariDataSource database;

    @BeforeEach
    void startTheSecondNode() {
        if (second == null) {
            MutableClock shared = clock;
            second = new SpringApplicationBuilder(BoxofficeApplication.class).profiles("test")
                    .initializers(context -> ((GenericApplicationContext) context).registerBean("sharedClock",
                            MutableClock.class, () -> shared, definition -> definition.setPrimary(true)))
                    .run("--server.port=0", "--management.server.port=0", "--boxoffice.db.url=" + database.getJdbcUrl(),
                            "--boxoffice.db.user=" + database.getUsername(), "--boxoffice.db.password=" + database.getPassword());
            secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
        }
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    private RequestSpecification onSecond(String token) {
        return given().port(secondPort).header("Authorization", "Bearer " + token);
    }

    @Test
    void aPartnersRateLimitIsOneBucketForBothNodes() {
        TestPartner partner = fixtures.partner();
        admin().contentType("application/json").body(Json.of(obj("requests_per_second", 1, "burst", 6)))
                .put("/admin/v1/partners/" + partner.id() + "/rate-limit").then().statusCode(200);
        String token = fixtures.token(partner);
        // The clock stands still: no token comes back, so six calls in all, whichever node takes them.
        for (int call = 1; call <= 6; call++) {
            RequestSpecification node = call % 2 == 0 ? onSecond(token) : as(token);
            node.get("/v1/account").then().statusCode(200).header("RateLimit-Remaining", Integer.toString(6 - call));
        }
        as(token).get("/v1/account").then().statusCode(429).body("error.code", equalTo("RATE_LIMIT_EXCEEDED"));
        onSecond(token).get("/v1/account").then().statusCode(429).body("error.code", equalTo("RATE_LIMIT_EXCEEDED"))
                .header("Retry-After", "1");
        clock.advance(Duration.ofSeconds(1));
        onSecond(token).get("/v1/account").then().statusCode(200);
    }

    @Test
    void aSuspensionOnOneNodeIsHonouredByTheOtherWithinTheRecheckInterval() {
        TestPartner partner = fixtures.partner();
        String token = fixtures.token(partner);
        onSecond(token).get("/v1/account").then().statusCode(200); // the second node now knows the partner
        admin().post("/admin/v1/partners/" + partner.id() + "/suspend").then().statusCode(200);
        as(token).get("/v1/account").then().statusCode(403).body("error.code", equalTo("ACCOUNT_SUSPENDED"));
        onSecond(token).get("/v1/account").then().statusCode(200); // within the documented 2 s
        clock.advance(Duration.ofSeconds(2));
        onSecond(token).get("/v1/account").then().statusCode(403).body("error.code", equalTo("ACCOUNT_SUSPENDED"));
    }
}
