package org.boxoffice.basket;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.ga;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The merchant-of-record flow on the embedded default: a PaymentIntent from the sandbox, the customer paying on the
 * sandbox checkout (its API, as the page calls it), the signed event through the Stripe webhook code, the booking.
 */
class MerchantCheckoutTest extends ApiTest {
    private TestPartner partner;
    private String token;
    private TestEvent event;
    private String basket;

    @BeforeEach
    void setUp() {
        partner = fixtures.partner("merchant_of_record");
        admin().contentType(JSON).body(Json.of(obj("percent_bps", 800)))
                .put("/admin/v1/partners/" + partner.id() + "/commission").then().statusCode(200)
                .body("data.percent_bps", equalTo(800));
        token = fixtures.token(partner);
        event = fixtures.event(Duration.ofDays(20), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 4, "100.00", "pdf"), ga("GA", 20, "20.00")));
        basket = newBasket(token);
    }

    private String newBasket(String as) {
        return buying.basket(as);
    }

    private String add(String basketId, String section, String row, int quantity) {
        return buying.addItem(token, basketId, event.id(), section, row, quantity).statusCode(201)
                .extract().path("data.items[-1].item_id");
    }

    private JsonPath stripeObject(String basketId) {
        return as(token).contentType(JSON).body(Json.of(obj("customer", obj("email", "fan@example.com"))))
                .post("/v1/baskets/" + basketId + "/stripe_object").then().statusCode(200).extract().jsonPath();
    }

    /** What the sandbox checkout page sends when the customer pays with {@code card}. */
    private JsonPath pay(JsonPath intent, String card) {
        return anonymous().contentType(JSON).body(Json.of(obj("client_secret", intent.getString("data.stripe_payment_intent_secret"),
                        "card_number", card)))
                .post("/sandbox/payment_intents/" + intent.getString("data.stripe_payment_intent_id") + "/confirm")
                .then().statusCode(200).extract().jsonPath();
    }

    private JsonPath basket(String basketId) {
        return as(token).get("/v1/baskets/" + basketId).then().statusCode(200).extract().jsonPath();
    }

    private int available(String section) {
        List<Integer> rows = as(token).get("/v1/events/" + event.id() + "/sections/" + section + "/rows").then()
                .statusCode(200).extract().path("data.available_quantity");
        return rows.stream().mapToInt(Integer::intValue).sum();
    }

    /** Amounts refunded for a basket or an item, as the payment attempts record them. */
    private List<Long> refunds(String owner) {
        return jdbc.sql("SELECT amount_minor FROM payment_attempts WHERE owner_id = :o AND kind = 'refund' "
                + "AND status = 'succeeded'").param("o", owner).query(Long.class).list();
    }

    private long attempts(String owner) {
        return jdbc.sql("SELECT count(*) FROM payment_attempts WHERE owner_id = :o").param("o", owner)
                .query(Long.class).single();
    }

    @Test
    void aPaidBasketIsBookedWithVouchersAndCommission() {
        add(basket, "A", "1", 2);
        add(basket, "GA", null, 3);
        JsonPath intent = stripeObject(basket);
        assertThat(intent.getString("data.stripe_payment_intent_id")).startsWith("pi_sandbox_");
        assertThat(intent.getString("data.stripe_payment_intent_secret"))
                .startsWith(intent.getString("data.stripe_payment_intent_id") + "_secret_");
        assertThat(intent.getString("data.stripe_publishable_key")).isEqualTo("pk_sandbox");
        // 200.00 + 11.50 booking fee, and 60.00 + 4.50
        assertThat(intent.getString("data.amount")).isEqualTo("276.00");
        assertThat(intent.getLong("data.amount_minor")).isEqualTo(27600);
        assertThat(intent.getString("data.currency")).isEqualTo("USD");
        assertThat(intent.getString("data.checkout_url")).contains("/sandbox/checkout?payment_intent="
                + intent.getString("data.stripe_payment_intent_id") + "#");
        assertThat(basket(basket).getString("data.checkout_status")).isEqualTo("checkout_pending");

        JsonPath again = stripeObject(basket);
        assertThat(again.getString("data.stripe_payment_intent_id")).isEqualTo(intent.getString("data.stripe_payment_intent_id"));
        assertThat(jdbc.sql("SELECT count(*) FROM sandbox_intents WHERE basket_id = :b").param("b", basket)
                .query(Long.class).single()).isEqualTo(1);

        assertThat(pay(intent, "4242 4242 4242 4242").getString("data.status")).isEqualTo("succeeded");
        as(token).get("/v1/baskets/" + basket).then().body("data.checkout_status", equalTo("checked_out"))
                .body("data.items.status", equalTo(List.of("booked", "booked")))
                .body("data.items.booked_successfully", equalTo(List.of(true, true)))
                .body("data.items[0].voucher_url", startsWith("http")).body("data.items[1].voucher_url", notNullValue())
                .body("data.total_price.amount", equalTo("276.00"));
        assertThat(available("A")).isEqualTo(2);
        assertThat(available("GA")).isEqualTo(17);
        as(token).get("/v1/billing/transactions?type=commission").then().statusCode(200)
                .body("data", hasSize(2)).body("data.amount.amount", equalTo(List.of("4.80", "16.00")));
        buying.stripeObject(token, basket).statusCode(409)
                .body("error.code", equalTo("BASKET_STATUS_CONFLICT"));
        as(token).contentType(JSON).body(Json.of(obj("event_id", event.id(), "section_name", "GA", "quantity", 1)))
                .post("/v1/baskets/" + basket + "/items").then().statusCode(409).body("error.code", equalTo("BASKET_STATUS_CONFLICT"));
    }

    @Test
    void theHoldsOutliveTheReservationWhileThePaymentIsPending() {
        add(basket, "A", "1", 4);
        JsonPath intent = stripeObject(basket);
        clock.advance(Duration.ofMinutes(40));
        token = fixtures.token(partner);
        as(token).get("/v1/baskets/" + basket).then().body("data.items[0].status", equalTo("booking"))
                .body("data.total_price.amount", equalTo("421.50"));
        assertThat(available("A")).isZero();
        pay(intent, "4242424242424242");
        assertThat(basket(basket).getString("data.checkout_status")).isEqualTo("checked_out");
    }

    @Test
    void aDeclinedPaymentKeepsTheHoldsUntilTheyExpire() {
        add(basket, "A", "1", 4);
        JsonPath intent = stripeObject(basket);
        JsonPath declined = pay(intent, "4000000000000002");
        assertThat(declined.getString("data.failure_code")).isEqualTo("card_declined");
        as(token).get("/v1/baskets/" + basket).then().body("data.checkout_status", equalTo("payment_failed"))
                .body("data.items[0].status", equalTo("reserved"));
        assertThat(available("A")).isZero();
        clock.advance(Duration.ofMinutes(15));
        token = fixtures.token(partner);
        as(token).get("/v1/baskets/" + basket).then().body("data.items[0].status", equalTo("expired"));
        assertThat(available("A")).isEqualTo(4);
    }

    /** Two items, a declined payment, then one item taken out: the basket is back to {@code not_checked_out}. */
    private JsonPath declinedThenChanged() {
        add(basket, "A", "1", 2);
        String ga = add(basket, "GA", null, 1);
        JsonPath intent = stripeObject(basket);
        pay(intent, "4000000000000002");
        as(token).delete("/v1/baskets/" + basket + "/items/" + ga).then().statusCode(200)
                .body("data.checkout_status", equalTo("not_checked_out"));
        return intent;
    }

    @Test
    void aChangedBasketAfterAFailedPaymentUpdatesTheIntentsAmount() {
        JsonPath intent = declinedThenChanged();
        JsonPath updated = stripeObject(basket);
        assertThat(updated.getString("data.stripe_payment_intent_id")).isEqualTo(intent.getString("data.stripe_payment_intent_id"));
        assertThat(updated.getString("data.amount")).isEqualTo("211.50");
        pay(updated, "4242424242424242");
        as(token).get("/v1/baskets/" + basket).then().body("data.checkout_status", equalTo("checked_out"))
                .body("data.items", hasSize(1)).body("data.items[0].status", equalTo("booked"));
    }

    @Test
    void anItemWhoseReservationRanOutBeforeALatePaymentIsRefunded() {
        String lost = add(basket, "GA", null, 20);
        clock.advance(Duration.ofMinutes(10));
        token = fixtures.token(partner);
        String kept = add(basket, "A", "1", 2);
        JsonPath intent = stripeObject(basket);
        pay(intent, "4000000000000002");
        clock.advance(Duration.ofMinutes(6)); // the GA item's reservation ran out; another customer takes one ticket
        String other = newBasket(token);
        add(other, "GA", null, 1);

        pay(intent, "4242424242424242"); // the customer tries again on the same payment, and it goes through
        as(token).get("/v1/baskets/" + basket).then().body("data.checkout_status", equalTo("checked_out_with_errors"))
                .body("data.items.status", equalTo(List.of("errored_and_refunded", "booked")))
                .body("data.items[0].booked_successfully", equalTo(false)).body("data.items[0].voucher_url", nullValue());
        assertThat(available("A")).isEqualTo(2);
        assertThat(available("GA")).isEqualTo(19);
        assertThat(refunds(lost)).containsExactly(42150L); // 20 x 20.00, plus its booking fee of 1.50 + 5%
        assertThat(attempts(kept)).isZero();
    }

    @Test
    void theOldTotalPaidAfterTheBasketChangedIsRefundedAndTheBasketWaitsForTheNewOne() {
        JsonPath intent = declinedThenChanged();
        pay(intent, "4242424242424242"); // the customer's old page still had the old total
        assertThat(basket(basket).getString("data.checkout_status")).isEqualTo("not_checked_out");
        assertThat(refunds(basket)).containsExactly(23400L); // 211.50 + 20.00 + 2.50
        JsonPath fresh = stripeObject(basket);
        assertThat(fresh.getString("data.stripe_payment_intent_id")).isNotEqualTo(intent.getString("data.stripe_payment_intent_id"));
        assertThat(fresh.getString("data.amount")).isEqualTo("211.50");
        pay(fresh, "4242424242424242");
        assertThat(basket(basket).getString("data.checkout_status")).isEqualTo("checked_out");
        assertThat(attempts(basket)).isEqualTo(1);
    }

    @Test
    void aCardAskingForAuthenticationIsBookedOnlyOnceAuthenticated() {
        add(basket, "A", "1", 1);
        JsonPath intent = stripeObject(basket);
        assertThat(pay(intent, "4000 0025 0000 3155").getString("data.status")).isEqualTo("requires_action");
        assertThat(basket(basket).getString("data.checkout_status")).isEqualTo("checkout_pending");
        anonymous().contentType(JSON).body(Json.of(obj("client_secret", intent.getString("data.stripe_payment_intent_secret"),
                        "completed", true)))
                .post("/sandbox/payment_intents/" + intent.getString("data.stripe_payment_intent_id") + "/authenticate")
                .then().statusCode(200).body("data.status", equalTo("succeeded"));
        assertThat(basket(basket).getString("data.checkout_status")).isEqualTo("checked_out");
    }

    @Test
    void theWrongCallForTheBillingModelIsRefused() {
        add(basket, "A", "1", 1);
        buying.checkout(token, basket).statusCode(403)
                .body("error.code", equalTo("BILLING_MODEL_MISMATCH"));
        String billed = fixtures.token(fixtures.buyer());
        String theirs = newBasket(billed);
        buying.stripeObject(billed, theirs).statusCode(403)
                .body("error.code", equalTo("BILLING_MODEL_MISMATCH"));
        assertThat(basket(basket).getString("data.checkout_status")).isEqualTo("not_checked_out");
    }

    @Test
    void anEmptyBasketOrABadEmailCannotBePaidFor() {
        buying.stripeObject(token, basket).statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        add(basket, "A", "1", 1);
        as(token).contentType(JSON).body(Json.of(obj("customer", obj("email", "not an address"))))
                .post("/v1/baskets/" + basket + "/stripe_object").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        assertThat(basket(basket).getString("data.checkout_status")).isEqualTo("not_checked_out");
    }

    @Test
    void aLostWebhookIsSettledByTheReconcilerAndAnAbandonedPaymentIsCancelled() {
        add(basket, "A", "1", 1);
        JsonPath paid = stripeObject(basket);
        // The customer paid, but the event never arrived: only the provider's side knows.
        jdbc.sql("UPDATE sandbox_intents SET status = 'succeeded' WHERE id = :id")
                .param("id", paid.getString("data.stripe_payment_intent_id")).update();
        String abandoned = newBasket(token);
        add(abandoned, "A", "1", 1);
        JsonPath unpaid = stripeObject(abandoned);

        clock.advance(Duration.ofMinutes(6));
        admin().post("/admin/v1/baskets/reconcile").then().statusCode(200);
        token = fixtures.token(partner);
        assertThat(basket(basket).getString("data.checkout_status")).isEqualTo("checked_out");
        assertThat(basket(abandoned).getString("data.checkout_status")).isEqualTo("checkout_pending");

        clock.advance(Duration.ofHours(1));
        admin().post("/admin/v1/baskets/reconcile").then().statusCode(200);
        token = fixtures.token(partner);
        assertThat(basket(abandoned).getString("data.checkout_status")).isEqualTo("payment_failed");
        assertThat(jdbc.sql("SELECT status FROM sandbox_intents WHERE id = :id")
                .param("id", unpaid.getString("data.stripe_payment_intent_id")).query(String.class).single())
                .isEqualTo("canceled");
        assertThat(available("A")).isEqualTo(3);
    }

    /**
     * 150 on-account baskets waiting for their charge's answer, older than the customer-paid one: the reconciler of lost
     * webhooks selects only customer-paid baskets (it used to take the first 100 pending and skip the others in Java).
     */
    @Test
    void aBacklogOfOnAccountCheckoutsDoesNotStarveTheCustomerPaidOnes() {
        String onAccount = fixtures.token(fixtures.buyer("tok_timeout"));
        String waiting = buying.basketWith(onAccount, event.id(), "GA", 1);
        buying.checkout(onAccount, waiting).statusCode(200)
                .body("data.checkout_status", equalTo("checkout_pending"));
        jdbc.sql("""
                INSERT INTO baskets (id, partner_id, currency, checkout_status, paid_by, payment_provider,
                                     payment_amount_minor, intent_version, checkout_started_at, created_at, updated_at)
                SELECT id || '_' || n, partner_id, currency, checkout_status, paid_by, payment_provider, payment_amount_minor,
                       intent_version, checkout_started_at - make_interval(secs => n), created_at, updated_at
                FROM baskets, generate_series(1, 150) n WHERE id = :b""").param("b", waiting).update();

        add(basket, "A", "1", 1);
        JsonPath paid = stripeObject(basket);
        jdbc.sql("UPDATE sandbox_intents SET status = 'succeeded' WHERE id = :id") // paid; its event never came
                .param("id", paid.getString("data.stripe_payment_intent_id")).update();
        clock.advance(Duration.ofMinutes(6));
        admin().post("/admin/v1/baskets/reconcile").then().statusCode(200);
        token = fixtures.token(partner);
        assertThat(basket(basket).getString("data.checkout_status")).isEqualTo("checked_out");
    }

    /** The reconciliation report finds a merchant-of-record item refund in order: the customer's money, no ledger line. */
    @Test
    void aCustomerRefundIsNotAMismatchInTheReconciliationReport() {
        anItemWhoseReservationRanOutBeforeALatePaymentIsRefunded();
        String today = clock.instant().toString().substring(0, 10);
        List<Map<String, Object>> mismatches = admin().get("/admin/v1/reconciliation?from=" + today + "&to=" + today)
                .then().statusCode(200).extract().jsonPath().getList("data.mismatches");
        assertThat(mismatches).noneMatch(m -> partnerOf((String) m.get("reference")).equals(partner.id()));
        assertThat(jdbc.sql("SELECT count(*) FROM payment_attempts WHERE partner_id = :p AND kind = 'refund' "
                + "AND status = 'succeeded'").param("p", partner.id()).query(Long.class).single()).isEqualTo(1);
    }

    private String partnerOf(String attemptId) {
        return jdbc.sql("SELECT partner_id FROM payment_attempts WHERE id = :a").param("a", attemptId)
                .query(String.class).optional().orElse("");
    }

    @Test
    void anIntentLeftOpenAfterAFailureIsCancelledOnceNothingIsHeldAndALatePaymentRefunded() {
        add(basket, "A", "1", 1);
        JsonPath cancelled = stripeObject(basket);
        pay(cancelled, "4000000000000002");
        String other = newBasket(token);
        add(other, "A", "1", 1);
        JsonPath paidLate = stripeObject(other);
        pay(paidLate, "4000000000000002");
        clock.advance(Duration.ofMinutes(16));
        // One customer paid again after both reservations had run out, and that event never arrived.
        jdbc.sql("UPDATE sandbox_intents SET status = 'succeeded' WHERE id = :id")
                .param("id", paidLate.getString("data.stripe_payment_intent_id")).update();
        admin().post("/admin/v1/baskets/reconcile").then().statusCode(200);
        token = fixtures.token(partner);

        assertThat(jdbc.sql("SELECT status FROM sandbox_intents WHERE id = :id")
                .param("id", cancelled.getString("data.stripe_payment_intent_id")).query(String.class).single())
                .isEqualTo("canceled");
        assertThat(basket(basket).getString("data.checkout_status")).isEqualTo("payment_failed");
        as(token).get("/v1/baskets/" + other).then().body("data.checkout_status", equalTo("checked_out_with_errors"))
                .body("data.items[0].status", equalTo("errored_and_refunded"));
        assertThat(refunds(basket)).isEmpty();
        String item = basket(other).getString("data.items[0].item_id");
        assertThat(refunds(item)).containsExactly(10650L); // 100.00 + 1.50 + 5%
        assertThat(available("A")).isEqualTo(4);
    }
}
