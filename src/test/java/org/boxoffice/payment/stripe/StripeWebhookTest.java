package org.boxoffice.payment.stripe;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;

import com.stripe.net.Webhook;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Json;
import org.boxoffice.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /webhooks/stripe} on the default (sandbox) set-up, with events made here in Stripe's shape: only
 * genuine, fresh deliveries count, each event once, and the intent's state is always re-read from the provider.
 */
class StripeWebhookTest extends ApiTest {
    @Autowired
    StripeWebhookSecret secret;
    private String token;
    private TestEvent event;

    @BeforeEach
    void setUp() {
        token = fixtures.token(fixtures.partner("merchant_of_record"));
        event = fixtures.event(Duration.ofDays(9), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 40, "25.00", "pdf")));
    }

    private record Checkout(String basket, String intent) {
    }

    private Checkout pendingCheckout() {
        String basket = buying.basketWith(token, event.id(), "A", 2);
        String intent = buying.stripeObject(token, basket)
                .statusCode(200).extract().path("data.stripe_payment_intent_id");
        return new Checkout(basket, intent);
    }

    /** The provider's side of the world: the customer paid (or not) without us hearing of it yet. */
    private void providerSays(String intent, String status) {
        jdbc.sql("UPDATE sandbox_intents SET status = :s WHERE id = :id").param("s", status).param("id", intent).update();
    }

    private static String event(String id, String type, String intent, String claimedStatus) {
        return Json.of(obj("id", id, "object", "event", "api_version", "2026-07-29.dahlia", "type", type,
                "data", obj("object", obj("id", intent, "object", "payment_intent", "status", claimedStatus))));
    }

    private ValidatableResponse deliver(String body, String signature) {
        var request = anonymous().contentType(JSON).body(body);
        if (signature != null) {
            request = request.header("Stripe-Signature", signature);
        }
        return request.post("/webhooks/stripe").then();
    }

    private String status(String basket) {
        return jdbc.sql("SELECT checkout_status FROM baskets WHERE id = :b").param("b", basket).query(String.class).single();
    }

    private long sold() {
        return jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = :e AND sold")
                .param("e", event.id()).query(Long.class).single();
    }

    @Test
    void aGenuineEventBooksTheBasketOnceHoweverOftenItArrives() {
        Checkout c = pendingCheckout();
        providerSays(c.intent(), "succeeded");
        String body = event("evt_once_" + c.basket(), "payment_intent.succeeded", c.intent(), "succeeded");
        deliver(body, secret.sign(body)).statusCode(200).body("data.outcome", equalTo("processed"));
        assertThat(status(c.basket())).isEqualTo("checked_out");
        deliver(body, secret.sign(body)).statusCode(200).body("data.outcome", equalTo("duplicate"));
        assertThat(sold()).isEqualTo(2);
    }

    @Test
    void forgedStaleFutureAndUnsignedDeliveriesAreRefused() {
        Checkout c = pendingCheckout();
        providerSays(c.intent(), "succeeded");
        String body = event("evt_forged_" + c.basket(), "payment_intent.succeeded", c.intent(), "succeeded");
        long now = clock.instant().getEpochSecond();
        List<String> refused = new ArrayList<>();
        refused.add(deliver(body.replace("succeeded", "succeeded "), secret.sign(body)).extract().statusLine());
        try {
            refused.add(deliver(body, Webhook.Signature.generateSignatureHeader(body, "whsec_someone_else", now))
                    .extract().statusLine());
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        refused.add(deliver(body, secret.sign(body, now - 301)).extract().statusLine());
        refused.add(deliver(body, secret.sign(body, now + 301)).extract().statusLine());
        refused.add(deliver(body, "t=" + now + ",v1=00").extract().statusLine());
        refused.add(deliver(body, null).extract().statusLine());
        assertThat(refused).hasSize(6).allMatch(line -> line.contains("400"));
        deliver(body, null).statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        assertThat(status(c.basket())).isEqualTo("checkout_pending");
        // Inside the tolerance on either side is fine.
        deliver(body, secret.sign(body, now - 299)).statusCode(200);
        assertThat(status(c.basket())).isEqualTo("checked_out");
    }

    @Test
    void theEventsClaimIsNeverTrustedTheIntentIsFetched() {
        Checkout c = pendingCheckout();
        String body = event("evt_liar_" + c.basket(), "payment_intent.succeeded", c.intent(), "succeeded");
        deliver(body, secret.sign(body)).statusCode(200).body("data.outcome", equalTo("processed"));
        assertThat(status(c.basket())).isEqualTo("checkout_pending");
        assertThat(sold()).isZero();
    }

    @Test
    void eventsOutOfOrderEndWhereTheProviderStands() {
        Checkout c = pendingCheckout();
        providerSays(c.intent(), "succeeded");
        String failed = event("evt_late_fail_" + c.basket(), "payment_intent.payment_failed", c.intent(),
                "requires_payment_method");
        String succeeded = event("evt_late_ok_" + c.basket(), "payment_intent.succeeded", c.intent(), "succeeded");
        deliver(failed, secret.sign(failed)).statusCode(200);
        assertThat(status(c.basket())).isEqualTo("checked_out"); // the failure was old news: the intent had succeeded
        deliver(succeeded, secret.sign(succeeded)).statusCode(200);
        assertThat(status(c.basket())).isEqualTo("checked_out");
        assertThat(sold()).isEqualTo(2);
    }

    @Test
    void anEventThatCannotBeProcessedIsNotRememberedSoTheRetryCounts() {
        String body = event("evt_unknown_intent", "payment_intent.succeeded", "pi_sandbox_nobody", "succeeded");
        deliver(body, secret.sign(body)).statusCode(503).body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        deliver(body, secret.sign(body)).statusCode(503);
        String other = Json.of(obj("id", "evt_charge", "type", "charge.refunded", "data", obj("object", obj("id", "ch_1"))));
        deliver(other, secret.sign(other)).statusCode(200).body("data.outcome", equalTo("ignored"));
    }

    /**
     * Both paths settle the paid intent under the basket's lock. Its control, the same race with that lock taken out,
     * is in {@code basket/PaymentRaceTest} (it needs the basket package): there both book in every round.
     */
    @Test
    void aWebhookRacingASecondStripeObjectCallBooksOnceWithOneIntent() throws Exception {
        for (int round = 0; round < 10; round++) {
            Checkout c = pendingCheckout();
            providerSays(c.intent(), "succeeded");
            String body = event("evt_race_" + c.basket(), "payment_intent.succeeded", c.intent(), "succeeded");
            List<Integer> answers = Race.results(List.<java.util.function.Supplier<Integer>>of(() -> deliver(body, secret.sign(body)).extract().statusCode(),
                    () -> as(token).contentType(JSON).body("{}").post("/v1/baskets/" + c.basket() + "/stripe_object")
                            .then().extract().statusCode()));
            assertThat(answers.get(0)).as("the webhook").isEqualTo(200);
            assertThat(answers.get(1)).as("the second stripe_object").isIn(200, 409);
            assertThat(status(c.basket())).isEqualTo("checked_out");
            assertThat(jdbc.sql("SELECT count(*) FROM sandbox_intents WHERE basket_id = :b").param("b", c.basket())
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM payment_attempts pa JOIN basket_items i ON i.id = pa.owner_id "
                    + "WHERE i.basket_id = :b").param("b", c.basket()).query(Long.class).single()).isZero();
        }
        assertThat(sold()).isEqualTo(20);
    }
}
