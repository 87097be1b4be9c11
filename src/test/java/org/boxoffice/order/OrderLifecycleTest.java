package org.boxoffice.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderLifecycleTest extends ApiTest {
    private String token;
    private TestEvent event;
    private Instant deadline;

    @BeforeEach
    void setUp() {
        token = fixtures.token(fixtures.buyer());
        event = fixtures.event(Duration.ofDays(30), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 10, "50.00", "mobile_transfer")));
        deadline = clock.instant().plus(Duration.ofDays(2));
    }

    private String order() {
        return buying.order(token, buying.quoteId(token, event.id(), "A", "1", 2), "mobile_transfer", deadline)
                .statusCode(201).extract().path("data.order_id");
    }

    private io.restassured.response.ValidatableResponse step(String order, String action) {
        return admin().post("/admin/v1/orders/" + order + "/" + action).then();
    }

    @Test
    void confirmedThenTransferSentThenDelivered() {
        String order = order();
        step(order, "transfer-sent").statusCode(200).body("data.order.status", equalTo("transfer_sent"));
        step(order, "delivered").statusCode(200).body("data.order.status", equalTo("delivered"));
        as(token).get("/v1/orders/" + order).then().body("data.status", equalTo("delivered"));
    }

    @Test
    void illegalTransitionsAreRefusedWithAConflict() {
        String order = order();
        step(order, "delivered").statusCode(200);
        step(order, "transfer-sent").statusCode(409).body("error.code", equalTo("ORDER_STATUS_CONFLICT"))
                .body("error.details.status", equalTo("delivered")).body("error.details.allowed_from", contains("confirmed"));
        step(order, "cancel").statusCode(409).body("error.code", equalTo("ORDER_STATUS_CONFLICT"));
        step(order, "delivered").statusCode(409);
        step("ord_nope", "delivered").statusCode(404).body("error.code", equalTo("ORDER_NOT_FOUND"));
    }

    @Test
    void cancellingRefundsTheChargeAndReturnsTheSeatsToSale() {
        String order = order();
        step(order, "cancel").statusCode(200).body("data.order.status", equalTo("cancelled"))
                .body("data.order.payment.status", equalTo("refunded"))
                .body("data.payment_attempts.kind", contains("charge", "refund"))
                .body("data.payment_attempts.status", contains("succeeded", "succeeded"));
        long refunds = jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE kind = 'refund' AND amount_minor = 11000 AND "
                + "idempotency_key IN (SELECT id FROM payment_attempts WHERE owner_id = :o)").param("o", order)
                .query(Long.class).single();
        assertThat(refunds).isEqualTo(1);
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().body("data[0].available_quantity", equalTo(10));
        step(order, "cancel").statusCode(409);
    }

    @Test
    void undeliveredOrdersExpireAtTheirDeadlineByTheJob() {
        String sent = order();
        step(sent, "transfer-sent").statusCode(200);
        String confirmed = order();
        String delivered = order();
        step(delivered, "delivered").statusCode(200);
        admin().post("/admin/v1/orders/expire-overdue").then().statusCode(200);
        admin().get("/admin/v1/orders/" + confirmed).then().body("data.order.status", equalTo("confirmed"));
        clock.advance(Duration.ofDays(2));
        admin().post("/admin/v1/orders/expire-overdue").then().body("data.expired", greaterThanOrEqualTo(2));
        admin().get("/admin/v1/orders/" + sent).then().body("data.order.status", equalTo("transfer_expired"));
        admin().get("/admin/v1/orders/" + confirmed).then().body("data.order.status", equalTo("transfer_expired"));
        admin().get("/admin/v1/orders/" + delivered).then().body("data.order.status", equalTo("delivered"));
        step(confirmed, "cancel").statusCode(200).body("data.order.status", equalTo("cancelled"));
    }

    @Test
    void operatorsListOrdersOfAnyPartner() {
        String order = order();
        String partner = admin().get("/admin/v1/orders/" + order).then().extract().path("data.partner_id");
        admin().get("/admin/v1/orders?partner_id=" + partner).then().statusCode(200)
                .body("data.order_id", contains(order));
        admin().get("/admin/v1/orders?status=delivered&partner_id=" + partner).then().body("pagination.total", equalTo(0));
    }
}
