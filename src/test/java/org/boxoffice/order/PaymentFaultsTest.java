package org.boxoffice.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox card references of API.md §9 drive each payment fault through the real order code. */
class PaymentFaultsTest extends ApiTest {
    private TestEvent event;
    private Instant deadline;

    @BeforeEach
    void setUp() {
        event = fixtures.event(Duration.ofDays(30), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 10, "50.00", "pdf")));
        deadline = clock.instant().plus(Duration.ofDays(10));
    }

    private long count(String sql, String param) {
        return jdbc.sql(sql).param("p", param).query(Long.class).single();
    }

    private long heldBy(String holdId) {
        return count("SELECT count(*) FROM tickets WHERE hold_id = :p AND NOT sold", holdId);
    }

    @Test
    void aDeclinedCardLeavesNoOrderAndTheQuoteUsable() {
        String token = fixtures.token(fixtures.buyer("tok_chargeDeclined"));
        String quote = buying.quoteId(token, event.id(), "A", "1", 2);
        buying.order(token, quote, "pdf", deadline).statusCode(402).body("error.code", equalTo("PAYMENT_FAILED"))
                .body("error.details.decline_code", equalTo("card_declined"));
        as(token).get("/v1/orders").then().body("pagination.total", equalTo(0));
        as(token).get("/v1/quotes/" + quote).then().body("data.status", equalTo("active"));
        assertThat(heldBy(quote)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM tickets WHERE event_id = :p AND sold", event.id())).isZero();
        assertThat(count("SELECT count(*) FROM payment_attempts WHERE status = 'failed' AND partner_id IN "
                + "(SELECT partner_id FROM quotes WHERE id = :p)", quote)).isEqualTo(1);
    }

    @Test
    void aTimeoutLeavesTheOrderPendingWithSeatsKeptUntilReconciliationFindsItCaptured() {
        String token = fixtures.token(fixtures.buyer("tok_timeout"));
        String quote = buying.quoteId(token, event.id(), "A", "1", 2);
        String order = buying.order(token, quote, "pdf", deadline).statusCode(201)
                .body("data.status", equalTo("pending_payment")).body("data.payment.status", equalTo("pending"))
                .extract().path("data.order_id");
        assertThat(heldBy(order)).isEqualTo(2);
        clock.advance(Duration.ofHours(2)); // far past the quote's expiry: the order's seats stay held
        assertThat(heldBy(order)).isEqualTo(2);
        admin().post("/admin/v1/payments/reconcile").then().statusCode(200).body("data.settled", greaterThanOrEqualTo(1));
        String fresh = fixtures.token(fixtures.buyer());
        admin().get("/admin/v1/orders/" + order).then().body("data.order.status", equalTo("confirmed"))
                .body("data.order.payment.status", equalTo("captured"));
        assertThat(count("SELECT count(*) FROM tickets WHERE hold_id = :p AND sold", order)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM sandbox_charges WHERE idempotency_key IN "
                + "(SELECT id FROM payment_attempts WHERE owner_id = :p)", order)).isEqualTo(1);
        admin().post("/admin/v1/payments/reconcile").then().statusCode(200);
        admin().get("/admin/v1/orders/" + order).then().body("data.payment_attempts", hasSize(1));
        assertThat(fresh).isNotBlank();
    }

    @Test
    void aChargeTheProviderNeverReceivedIsReconciledAsFailedAndTheSeatsReleased() {
        String token = fixtures.token(fixtures.buyer("tok_timeout"));
        String order = buying.order(token, buying.quoteId(token, event.id(), "A", "1", 2), "pdf", deadline)
                .statusCode(201).extract().path("data.order_id");
        // As if the request had never reached the provider: it has no record of the attempt.
        jdbc.sql("DELETE FROM sandbox_charges WHERE idempotency_key IN (SELECT id FROM payment_attempts WHERE owner_id = :o)")
                .param("o", order).update();
        admin().post("/admin/v1/payments/reconcile").then().body("data.settled", greaterThanOrEqualTo(1));
        admin().get("/admin/v1/orders/" + order).then().body("data.order.status", equalTo("payment_failed"))
                .body("data.order.payment.status", equalTo("failed"))
                .body("data.payment_attempts[0].failure_code", equalTo("not_received"));
        assertThat(heldBy(order)).isZero();
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().body("data[0].available_quantity", equalTo(10));
    }

    @Test
    void aPendingAttemptIsLeftAloneWhileItsCallMayStillBeRunning() {
        String token = fixtures.token(fixtures.buyer("tok_timeout"));
        String order = buying.order(token, buying.quoteId(token, event.id(), "A", "1", 1), "pdf", deadline)
                .statusCode(201).extract().path("data.order_id");
        jdbc.sql("UPDATE payment_attempts SET status = 'pending' WHERE owner_id = :o").param("o", order).update();
        admin().post("/admin/v1/payments/reconcile").then().statusCode(200);
        admin().get("/admin/v1/orders/" + order).then().body("data.order.status", equalTo("pending_payment"));
        clock.advance(Duration.ofMinutes(3));
        admin().post("/admin/v1/payments/reconcile").then().body("data.settled", greaterThanOrEqualTo(1));
        admin().get("/admin/v1/orders/" + order).then().body("data.order.status", equalTo("confirmed"));
    }

    @Test
    void aRetriedOrderWithTheSameIdempotencyKeyIsTheSameOrderAndOneCharge() {
        String token = fixtures.token(fixtures.buyer("tok_timeout"));
        String quote = buying.quoteId(token, event.id(), "A", "1", 1);
        String first = buying.order(token, quote, "pdf", deadline, "retry-1").statusCode(201)
                .body("data.payment.status", equalTo("pending")).extract().path("data.order_id");
        buying.order(token, quote, "pdf", deadline, "retry-1").statusCode(201)
                .header("Idempotent-Replayed", "true").body("data.order_id", equalTo(first));
        assertThat(count("SELECT count(*) FROM orders WHERE quote_id = :p", quote)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM payment_attempts WHERE owner_id = :p", first)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sandbox_charges WHERE idempotency_key IN "
                + "(SELECT id FROM payment_attempts WHERE owner_id = :p)", first)).isEqualTo(1);
    }
}
