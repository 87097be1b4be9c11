package org.boxoffice.web;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Json;
import org.boxoffice.support.StockRecount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * DESIGN rule 11, tested by exhausting each bound on purpose: every connection of the pool taken, a row lock held
 * past the sessions' lock bound, every request slot at the door taken. Each answers {@code 503 SERVICE_UNAVAILABLE}
 * with {@code Retry-After}, leaves nothing half-done, and the service answers normally once the pressure is gone.
 */
@TestPropertySource(properties = {"spring.application.name=overload", "boxoffice.db.pool-size=" + OverloadTest.POOL,
        "boxoffice.db.lock-timeout=PT2S", "boxoffice.http.max-in-flight=1", "boxoffice.http.admission-wait=PT0.1S"})
class OverloadTest extends ApiTest {
    static final int POOL = 4;
    @Autowired
    DataSource dataSource;
    private String token;
    private TestEvent event;

    @BeforeEach
    void onSale() {
        token = fixtures.token(fixtures.buyer());
        event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 4, "50.00")));
    }

    private Response quote() {
        return as(token).contentType(JSON).body(Json.of(obj("event_id", event.id(), "section_name", "A", "quantity", 2)))
                .post("/v1/quotes");
    }

    private static void unavailable(Response answer) {
        answer.then().statusCode(503).header("Retry-After", notNullValue()).body("error.code", equalTo("SERVICE_UNAVAILABLE"));
    }

    /** A transaction of the test's own that holds the lock of the event's stock lines until it ends. */
    private Connection lockStock() throws Exception {
        Connection holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        holder.createStatement().execute("SELECT 1 FROM ticket_stock WHERE event_id = '" + event.id() + "' FOR UPDATE");
        return holder;
    }

    private void nothingHalfDone() {
        as(token).get("/v1/quotes").then().statusCode(200).body("pagination.total", equalTo(0));
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().statusCode(200)
                .body("data[0].available_quantity", equalTo(4));
        assertThat(StockRecount.differences(jdbc)).isEmpty();
    }

    @Test
    void everyConnectionTakenIs503WithRetryAfterAndServesAgainOnceTheyReturn() throws Exception {
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < POOL; i++) {
                taken.add(dataSource.getConnection());
            }
            unavailable(quote());
            unavailable(as(token).get("/v1/events/" + event.id()));
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
        nothingHalfDone();
        quote().then().statusCode(201);
    }

    @Test
    void aLockHeldPastTheBoundIs503AndTheQuoteLeavesNothingBehind() throws Exception {
        try (Connection holder = lockStock()) {
            unavailable(quote());
            holder.rollback();
        }
        nothingHalfDone();
        quote().then().statusCode(201).body("data.quantity", equalTo(2));
    }

    @Test
    void pastTheRequestsInFlightTheNextIs503AtTheDoorWithoutWaitingForTheDatabase() throws Exception {
        try (Connection holder = lockStock(); var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(this::quote, threads);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query = 'COMMIT'")
                    .query(Integer.class).single() == 1);
            Response second = as(token).get("/v1/events/" + event.id());
            unavailable(second);
            assertThat(second.jsonPath().getString("error.message")).contains("at capacity");
            unavailable(first.join());
            holder.rollback();
        }
        nothingHalfDone();
        as(token).get("/v1/events/" + event.id()).then().statusCode(200);
    }
}
