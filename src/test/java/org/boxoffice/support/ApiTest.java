package org.boxoffice.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the HTTP tests: the whole application on a random port over a real PostgreSQL, a movable clock,
 * and helpers to act as the operator or as a partner, and to buy as one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfig.class)
public abstract class ApiTest {
    public static final String OPERATOR_KEY = "test-operator-key-0123456789abcdef";

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected JdbcClient jdbc;
    protected Fixtures fixtures;
    protected Buying buying;

    @BeforeEach
    void connect() {
        RestAssured.port = port;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.replaceFiltersWith(DocumentedResponses.of(port));
        fixtures = new Fixtures(this::admin, this::anonymous, clock);
        buying = new Buying(this::as);
    }

    /** No default content type: RestAssured (on Groovy 5) fails on a GET that names one without a body. */
    protected RequestSpecification anonymous() {
        return given();
    }

    protected RequestSpecification admin() {
        return anonymous().header("Authorization", "Bearer " + OPERATOR_KEY);
    }

    protected RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    protected RequestSpecification as(Fixtures.TestPartner partner) {
        return as(fixtures.token(partner));
    }
}
