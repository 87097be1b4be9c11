package org.boxoffice.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.boxoffice.support.StripeStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A partner whose card on file is a Stripe one is charged through the Stripe adapter (a stub at the HTTP level). */
class StripeOrderFlowTest extends ApiTest {
    static final StripeStub STRIPE = new StripeStub();

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        STRIPE.register(registry, "sk_test_flow");
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.stop();
    }

    private String token;
    private TestEvent event;
    private Instant deadline;

    @BeforeEach
    void stripeBuyer() {
        STRIPE.resetAll();
        TestPartner partner = fixtures.partner();
        admin().contentType(JSON).body(Json.of(obj("payout_method", obj("provider", "sandbox", "reference", "ba_sandbox"),
                        "card_on_file", obj("provider", "stripe", "reference", "cus_Flow:pm_Card"))))
                .put("/admin/v1/partners/" + partner.id() + "/payment-configuration").then().statusCode(200);
        token = fixtures.token(partner);
        event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 6, "40.00", "pdf")));
        deadline = clock.instant().plus(Duration.ofDays(3));
    }

    private static String succeeded() {
        return StripeStub.succeededCharge("pi_flow", 4400);
    }

    @Test
    void aStripeCardIsChargedOffSessionAndTheOrderConfirmed() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(succeeded())));
        String order = buying.order(token, buying.quoteId(token, event.id(), "A", "1", 1), "pdf", deadline).statusCode(201)
                .body("data.status", equalTo("confirmed")).extract().path("data.order_id");
        STRIPE.verify(postRequestedFor(urlEqualTo("/v1/payment_intents")).withRequestBody(containing("customer=cus_Flow"))
                .withRequestBody(containing("payment_method=pm_Card")).withRequestBody(containing("off_session=true")));
        admin().get("/admin/v1/orders/" + order).then().body("data.payment_attempts[0].provider", equalTo("stripe"))
                .body("data.payment_attempts[0].provider_reference", equalTo("pi_flow"));
    }

    /**
     * An on-account basket charge whose answer was lost: the reconciler's replay is the very request first sent (same
     * key, same body byte for byte — Stripe refuses a key reused with other parameters), and it books the basket.
     */
    @Test
    void aLostBasketChargeIsReplayedByteForByteAndBooksTheBasket() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFixedDelay(1500).withHeader("Content-Type", "application/json")
                        .withBody(succeeded())).willSetStateTo("answered"));
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("lost").whenScenarioStateIs("answered")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(succeeded())));
        String basket = buying.basketWith(token, event.id(), "A", 2);
        buying.checkout(token, basket).statusCode(200)
                .body("data.checkout_status", equalTo("checkout_pending"));

        admin().post("/admin/v1/payments/reconcile").then().statusCode(200);
        List<LoggedRequest> sent = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getBodyAsString()).contains("description=Boxoffice+basket+" + basket)
                .contains("amount=8550"); // 2 x 40.00 and the default booking fee, 1.50 + 5 %
        assertThat(sent.get(1).getBodyAsString()).isEqualTo(sent.get(0).getBodyAsString());
        assertThat(sent.get(1).getHeader("Idempotency-Key")).isEqualTo(sent.get(0).getHeader("Idempotency-Key"));
        as(token).get("/v1/baskets/" + basket).then().body("data.checkout_status", equalTo("checked_out"))
                .body("data.items[0].status", equalTo("booked"));
    }

    /** stripe-java cannot parse an empty error body (it throws a NullPointerException): that is no answer, not a 500. */
    @Test
    void anEmpty500FromStripeIsNoAnswerAndTheOrderWaitsForReconciliation() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(500)));
        buying.order(token, buying.quoteId(token, event.id(), "A", "1", 1), "pdf", deadline).statusCode(201)
                .body("data.status", equalTo("pending_payment")).body("data.payment.status", equalTo("pending"));
    }

    @Test
    void aStripeDeclineIsPaymentFailedWithItsCode() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"type\": \"card_error\", "
                        + "\"code\": \"card_declined\", \"decline_code\": \"insufficient_funds\", \"message\": \"Insufficient funds.\"}}")));
        buying.order(token, buying.quoteId(token, event.id(), "A", "1", 1), "pdf", deadline).statusCode(402)
                .body("error.code", equalTo("PAYMENT_FAILED")).body("error.details.decline_code", equalTo("insufficient_funds"));
    }

    @Test
    void aLostAnswerThatWasADeclineEndsPaymentFailedWithTheSeatsReleased() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("declined").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFixedDelay(1500).withStatus(402)).willSetStateTo("answered"));
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("declined").whenScenarioStateIs("answered")
                .willReturn(aResponse().withStatus(402).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"card_error\", \"code\": \"card_declined\", "
                                + "\"decline_code\": \"do_not_honor\", \"message\": \"Declined.\"}}")));
        String order = buying.order(token, buying.quoteId(token, event.id(), "A", "1", 2), "pdf", deadline).statusCode(201)
                .body("data.status", equalTo("pending_payment")).extract().path("data.order_id");
        admin().post("/admin/v1/payments/reconcile").then().statusCode(200);
        admin().get("/admin/v1/orders/" + order).then().body("data.order.status", equalTo("payment_failed"))
                .body("data.payment_attempts[0].failure_code", equalTo("do_not_honor"));
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().body("data[0].available_quantity", equalTo(6));
    }

    @Test
    void aLostAnswerIsRecoveredByReplayingTheSameKey() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFixedDelay(1500).withHeader("Content-Type", "application/json").withBody(succeeded()))
                .willSetStateTo("answered"));
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("slow").whenScenarioStateIs("answered")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(succeeded())));
        String order = buying.order(token, buying.quoteId(token, event.id(), "A", "1", 1), "pdf", deadline).statusCode(201)
                .body("data.status", equalTo("pending_payment")).extract().path("data.order_id");
        admin().post("/admin/v1/payments/reconcile").then().statusCode(200);
        admin().get("/admin/v1/orders/" + order).then().body("data.order.status", equalTo("confirmed"))
                .body("data.payment_attempts[0].provider_reference", equalTo("pi_flow"));
    }
}
