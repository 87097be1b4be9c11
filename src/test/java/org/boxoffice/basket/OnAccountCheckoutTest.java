package org.boxoffice.basket;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Fixtures.TestPartner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Partner-billed baskets: {@code POST /v1/baskets/{id}/checkout} charges the card on file and books at once. */
class OnAccountCheckoutTest extends ApiTest {
    private TestEvent event;

    @BeforeEach
    void setUp() {
        event = fixtures.event(Duration.ofDays(30), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 10, "50.00", "pdf")));
    }

    private String basketWithItem(String token, int quantity) {
        String basket = buying.basketWith(token, event.id(), "A", quantity);
        return basket;
    }

    private int available(String token) {
        List<Integer> rows = as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().statusCode(200)
                .extract().path("data.available_quantity");
        return rows.stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void theCardOnFileIsChargedAndTheBasketBooked() {
        String token = fixtures.token(fixtures.buyer());
        String basket = basketWithItem(token, 2);
        buying.checkout(token, basket).statusCode(200)
                .body("data.checkout_status", equalTo("checked_out")).body("data.items[0].status", equalTo("booked"))
                .body("data.items[0].voucher_url", notNullValue()).body("data.total_price.amount", equalTo("106.50"));
        assertThat(available(token)).isEqualTo(8);
        as(token).get("/v1/billing/transactions?type=charge").then().body("data", hasSize(1))
                .body("data[0].amount.amount", equalTo("-106.50"));
        buying.checkout(token, basket).statusCode(409)
                .body("error.code", equalTo("BASKET_STATUS_CONFLICT"));
    }

    @Test
    void aDeclinedCardLeavesThePaymentFailedAndTheSeatsHeld() {
        String token = fixtures.token(fixtures.buyer("tok_chargeDeclined"));
        String basket = basketWithItem(token, 3);
        buying.checkout(token, basket).statusCode(402)
                .body("error.code", equalTo("PAYMENT_FAILED")).body("error.details.decline_code", equalTo("card_declined"));
        as(token).get("/v1/baskets/" + basket).then().body("data.checkout_status", equalTo("payment_failed"))
                .body("data.items[0].status", equalTo("reserved"));
        assertThat(available(token)).isEqualTo(7);
    }

    @Test
    void withoutPaymentMethodsThereIsNoCheckout() {
        TestPartner bare = fixtures.partner();
        String token = fixtures.token(bare);
        String basket = basketWithItem(token, 1);
        buying.checkout(token, basket).statusCode(403)
                .body("error.code", equalTo("PAYMENT_NOT_CONFIGURED"));
        as(token).get("/v1/baskets/" + basket).then().body("data.checkout_status", equalTo("not_checked_out"));
    }

    @Test
    void aChargeWithoutAnAnswerStaysPendingUntilReconciliationFindsItCaptured() {
        String token = fixtures.token(fixtures.buyer("tok_timeout"));
        String basket = basketWithItem(token, 1);
        buying.checkout(token, basket).statusCode(200)
                .body("data.checkout_status", equalTo("checkout_pending"));
        clock.advance(Duration.ofMinutes(30)); // far past the reservation: the pending payment keeps the seat
        admin().post("/admin/v1/payments/reconcile").then().statusCode(200);
        as(token).get("/v1/baskets/" + basket).then().body("data.checkout_status", equalTo("checked_out"))
                .body("data.items[0].status", equalTo("booked"));
        assertThat(available(token)).isEqualTo(9);
    }

    /**
     * The held ticket is sold elsewhere while the charge has no answer (an operator's fix-up): the charge is found
     * captured, the item cannot be booked, so it is refunded to the card. Ledger and reconciliation report agree: the
     * refund is posted under its own attempt, and nothing is reported.
     */
    @Test
    void anItemThatCannotBeBookedAfterALateAnswerIsRefundedAndTheReportAgrees() {
        TestPartner buyer = fixtures.buyer("tok_timeout");
        String token = fixtures.token(buyer);
        String basket = basketWithItem(token, 1);
        String item = buying.checkout(token, basket)
                .statusCode(200).body("data.checkout_status", equalTo("checkout_pending")).extract()
                .path("data.items[0].item_id");
        jdbc.sql("UPDATE tickets SET hold_id = NULL, held_until = NULL, sold = true WHERE hold_id = :i")
                .param("i", item).update();

        admin().post("/admin/v1/payments/reconcile").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(token).get("/v1/baskets/" + basket).then()
                .body("data.checkout_status", equalTo("checked_out_with_errors"))
                .body("data.items[0].status", equalTo("errored_and_refunded")));
        // 50.00 and the default booking fee, 1.50 + 5 %: charged, then refunded
        as(token).get("/v1/billing/transactions").then().body("data.type", containsInAnyOrder("charge", "refund"))
                .body("data.amount.amount", containsInAnyOrder("-54.00", "54.00"));
        String today = clock.instant().toString().substring(0, 10);
        List<String> flagged = admin().get("/admin/v1/reconciliation?from=" + today + "&to=" + today).then()
                .statusCode(200).extract().path("data.mismatches.partner_id");
        assertThat(flagged).doesNotContain(buyer.id());
    }
}
