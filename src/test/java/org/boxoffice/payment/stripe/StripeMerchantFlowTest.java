package org.boxoffice.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.http.ContentType.JSON;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.stripe.net.Webhook;
import java.time.Duration;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Json;
import org.boxoffice.support.StripeStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With Stripe keys, a merchant-of-record basket is paid through a real Stripe PaymentIntent (a stub at the HTTP
 * level) and booked when Stripe's signed webhook arrives and the re-fetched intent has succeeded.
 */
class StripeMerchantFlowTest extends ApiTest {
    static final String WEBHOOK_SECRET = "whsec_test_flow_0123456789";
    static final StripeStub STRIPE = new StripeStub();

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        STRIPE.register(registry, "sk_test_mor", "boxoffice.stripe.publishable-key", "pk_test_mor",
                "boxoffice.stripe.webhook-secret", WEBHOOK_SECRET);
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.stop();
    }

    private String token;
    private String basket;

    @BeforeEach
    void basket() {
        STRIPE.resetAll();
        token = fixtures.token(fixtures.partner("merchant_of_record"));
        TestEvent event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 6, "40.00", "pdf")));
        basket = buying.basketWith(token, event.id(), "A", 2);
    }

    private String intent(String status) {
        return StripeStub.paymentIntent(intentId(), 8550, status, null, "{\"basket_id\": \"" + basket + "\"}", "null");
    }

    private String intentId() {
        return "pi_mor_" + basket.substring(4);
    }

    private void webhook(String type) throws Exception {
        String body = Json.of(obj("id", "evt_" + type + basket, "object", "event", "api_version", "2026-07-29.dahlia",
                "type", type, "data", obj("object", obj("id", intentId(), "object", "payment_intent"))));
        anonymous().contentType(JSON).header("Stripe-Signature", Webhook.Signature.generateSignatureHeader(body,
                        WEBHOOK_SECRET, clock.instant().getEpochSecond()))
                .body(body).post("/webhooks/stripe").then().statusCode(200);
    }

    @Test
    void theStripeObjectIsARealIntentAndStripesWebhookBooksTheBasket() throws Exception {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(intent("requires_payment_method"))));
        as(token).contentType(JSON).body(Json.of(obj("customer", obj("email", "fan@example.com"))))
                .post("/v1/baskets/" + basket + "/stripe_object").then().statusCode(200)
                .body("data.stripe_payment_intent_id", equalTo(intentId()))
                .body("data.stripe_payment_intent_secret", equalTo(intentId() + "_secret_abc"))
                .body("data.stripe_publishable_key", equalTo("pk_test_mor")).body("data.amount", equalTo("85.50"))
                .body("data.checkout_url", nullValue());
        STRIPE.verify(postRequestedFor(urlEqualTo("/v1/payment_intents")).withRequestBody(containing("amount=8550"))
                .withRequestBody(containing("metadata[basket_id]=" + basket))
                .withRequestBody(containing("receipt_email=fan%40example.com")));

        STRIPE.stubFor(get(urlEqualTo("/v1/payment_intents/" + intentId())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(intent("requires_action"))));
        webhook("payment_intent.requires_action");
        as(token).get("/v1/baskets/" + basket).then().body("data.checkout_status", equalTo("checkout_pending"));

        STRIPE.stubFor(get(urlEqualTo("/v1/payment_intents/" + intentId())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(intent("succeeded"))));
        webhook("payment_intent.succeeded");
        STRIPE.verify(2, getRequestedFor(urlEqualTo("/v1/payment_intents/" + intentId())));
        as(token).get("/v1/baskets/" + basket).then().body("data.checkout_status", equalTo("checked_out"))
                .body("data.items[0].status", equalTo("booked"));
    }

    @Test
    void aStripeOutageIsA503AndTheRetryGetsTheSameIntent() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"type\": \"api_error\"}}")));
        buying.stripeObject(token, basket).statusCode(503)
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(intent("requires_payment_method"))));
        buying.stripeObject(token, basket).statusCode(200)
                .body("data.stripe_payment_intent_id", equalTo(intentId()));
        List<String> keys = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))).stream()
                .map(r -> r.getHeader("Idempotency-Key")).distinct().toList();
        org.assertj.core.api.Assertions.assertThat(keys).containsExactly("basket_" + basket + "_intent_1");
    }
}
