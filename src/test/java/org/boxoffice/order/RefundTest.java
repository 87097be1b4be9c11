package org.boxoffice.order;

import static io.restassured.http.ContentType.JSON;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefundTest extends ApiTest {
    private String token;
    private String order;

    @BeforeEach
    void aCapturedOrderOf220() {
        admin().contentType(JSON).body(Json.of(obj("fee_percent_bps", 1000, "fee_fixed_minor", 0))).put("/admin/v1/settings");
        token = fixtures.token(fixtures.buyer());
        TestEvent event = fixtures.event(Duration.ofDays(20), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 4, "100.00", "pdf")));
        order = buying.order(token, buying.quoteId(token, event.id(), "A", "1", 2), "pdf", clock.instant().plus(Duration.ofDays(2)))
                .statusCode(201).extract().path("data.order_id");
    }

    private io.restassured.response.ValidatableResponse refund(Object body) {
        return admin().contentType(JSON).body(Json.of(body)).post("/admin/v1/orders/" + order + "/refunds").then();
    }

    @Test
    void partOfTheChargeThenTheRestAndNothingMore() {
        refund(obj("amount", "50.00")).statusCode(200).body("data.order.status", equalTo("confirmed"))
                .body("data.order.payment.status", equalTo("captured"))
                .body("data.payment_attempts.kind", contains("charge", "refund"));
        refund(obj()).statusCode(200).body("data.order.payment.status", equalTo("refunded"))
                .body("data.payment_attempts[2].amount_minor", equalTo(17000));
        as(token).get("/v1/billing/transactions?type=refund").then().body("data.amount.amount", contains("170.00", "50.00"));
        refund(obj("amount", "1.00")).statusCode(409).body("error.code", equalTo("ORDER_STATUS_CONFLICT"));
    }

    @Test
    void neverMoreThanWasCharged() {
        refund(obj("amount", "220.01")).statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fields[0].field", equalTo("amount"));
        refund(obj("amount", "0")).statusCode(400);
        refund(obj("amount", "1.001")).statusCode(400);
        refund(obj("amount", "-5")).statusCode(400);
        admin().get("/admin/v1/orders/" + order).then().body("data.payment_attempts.kind", contains("charge"));
    }

    @Test
    void cancellingAfterAPartialRefundRefundsOnlyTheRest() {
        refund(obj("amount", "20.00")).statusCode(200);
        admin().post("/admin/v1/orders/" + order + "/cancel").then().statusCode(200)
                .body("data.order.status", equalTo("cancelled")).body("data.order.payment.status", equalTo("refunded"))
                .body("data.payment_attempts.amount_minor", contains(22000, 2000, 20000));
        as(token).get("/v1/billing/transactions?type=refund").then().body("data.amount.amount", contains("200.00", "20.00"));
    }

    @Test
    void unknownOrdersAreNotFound() {
        admin().contentType(JSON).body("{}").post("/admin/v1/orders/ord_nope/refunds").then().statusCode(404)
                .body("error.code", equalTo("ORDER_NOT_FOUND"));
    }
}
