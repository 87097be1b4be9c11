package org.boxoffice.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import org.boxoffice.payment.CardGateway;
import org.boxoffice.payment.CardGateway.ProviderResult;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.support.Attempts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.boxoffice.support.StripeStub;
import org.junit.jupiter.api.Test;

/** The real adapter and the real stripe-java client against a stub speaking Stripe's wire format (PROVIDERS.md §2). */
class StripeCardGatewayTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private StripeStub stripe;
    private StripeCardGateway gateway;

    @BeforeEach
    void start() {
        stripe = new StripeStub();
        gateway = new StripeCardGateway(stripe.client(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        stripe.stop();
    }

    private static String intent(String status, String lastError) {
        return StripeStub.paymentIntent("pi_1", 22000, status, "ch_1", "{\"attempt_id\": \"pay_1\"}", lastError);
    }

    private void answer(int status, String body) {
        stripe.answer(post(urlEqualTo("/v1/payment_intents")), status, body);
    }

    @Test
    void anOffSessionChargeOnTheSavedCardWithOurAttemptIdAsIdempotencyKey() {
        answer(200, intent("succeeded", "null"));
        ProviderResult result = gateway.charge(Attempts.charge("pay_1", "cus_A:pm_B", 22000, "USD", "Boxoffice order ord_1"));
        assertThat(result.succeeded()).isTrue();
        assertThat(result.reference()).isEqualTo("pi_1");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", equalTo("Bearer sk_test_123"))
                .withHeader("Idempotency-Key", equalTo("pay_1"))
                .withHeader("Stripe-Version", matching("\\d{4}-\\d{2}-\\d{2}\\..+"))
                .withRequestBody(containing("amount=22000")).withRequestBody(containing("currency=usd"))
                .withRequestBody(containing("customer=cus_A")).withRequestBody(containing("payment_method=pm_B"))
                .withRequestBody(containing("off_session=true")).withRequestBody(containing("confirm=true"))
                .withRequestBody(containing("metadata[attempt_id]=pay_1")));
    }

    @Test
    void aDeclineCarriesStripesDeclineCode() {
        answer(402, """
                {"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                 "message": "Your card has insufficient funds.", "payment_intent": {"id": "pi_9", "object": "payment_intent",
                 "status": "requires_payment_method"}}}""");
        ProviderResult result = gateway.charge(Attempts.charge("pay_2", "cus_A:pm_B", 100, "USD", "x"));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.failureCode()).isEqualTo("insufficient_funds");
        assertThat(result.failureMessage()).contains("insufficient funds");
        assertThat(result.reference()).isEqualTo("pi_9");
    }

    @Test
    void authenticationRequiredIsADeclineOffSession() {
        answer(402, """
                {"error": {"type": "card_error", "code": "authentication_required",
                 "message": "This payment requires authentication."}}""");
        assertThat(gateway.charge(Attempts.charge("pay_3", "cus_A:pm_B", 100, "USD", "x")).failureCode()).isEqualTo("authentication_required");
        answer(200, intent("requires_action", "null"));
        assertThat(gateway.charge(Attempts.charge("pay_4", "cus_A:pm_B", 100, "USD", "x")).failureCode()).isEqualTo("authentication_required");
    }

    @Test
    void serverErrorsRateLimitsAndTimeoutsHaveNoAnswer() {
        answer(500, StripeStub.error("api_error", "", null, "boom"));
        assertThatThrownBy(() -> gateway.charge(Attempts.charge("pay_5", "cus_A:pm_B", 100, "USD", "x")))
                .isInstanceOf(CardGateway.OutcomeUnknown.class).hasMessageContaining("HTTP 500");
        answer(429, StripeStub.error("rate_limit_error", "rate_limit", null, "slow down"));
        assertThatThrownBy(() -> gateway.charge(Attempts.charge("pay_6", "cus_A:pm_B", 100, "USD", "x")))
                .isInstanceOf(CardGateway.OutcomeUnknown.class);
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withFixedDelay(1500)
                .withHeader("Content-Type", "application/json").withBody(intent("succeeded", "null"))));
        assertThatThrownBy(() -> gateway.charge(Attempts.charge("pay_7", "cus_A:pm_B", 100, "USD", "x")))
                .isInstanceOf(CardGateway.OutcomeUnknown.class).hasMessageContaining("no connection or no answer");
    }

    @Test
    void aRefusedRequestIsAFailureNotAMystery() {
        answer(400, StripeStub.error("invalid_request_error", "resource_missing", null, "No such PaymentMethod"));
        ProviderResult result = gateway.charge(Attempts.charge("pay_8", "cus_A:pm_gone", 100, "USD", "x"));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.failureCode()).isEqualTo("stripe_resource_missing");
    }

    @Test
    void reconciliationReplaysTheSameRequestUnderTheSameKey() {
        answer(200, intent("succeeded", "null"));
        PaymentAttempt lost = Attempts.lostCharge("pay_lost", "ord_1", 22000, NOW.minusSeconds(60));
        assertThat(gateway.lookup(lost)).get().extracting(ProviderResult::reference).isEqualTo("pi_1");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key", equalTo("pay_lost"))
                .withRequestBody(containing("amount=22000")));
    }

    @Test
    void pastStripesKeyWindowALostChargeIsOnlySearchedForNeverReplayed() {
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/search"))
                .withQueryParam("query", WireMock.equalTo("metadata['attempt_id']:'pay_old'"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"object\": \"search_result\", \"data\": [" + intent("succeeded", "null") + "], \"has_more\": false}")));
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/search"))
                .withQueryParam("query", WireMock.equalTo("metadata['attempt_id']:'pay_never'"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"object\": \"search_result\", \"data\": [], \"has_more\": false}")));
        PaymentAttempt old = Attempts.lostCharge("pay_old", "ord_1", 22000, NOW.minus(Duration.ofDays(2)));
        assertThat(gateway.lookup(old)).get().extracting(ProviderResult::reference).isEqualTo("pi_1");
        PaymentAttempt never = Attempts.lostCharge("pay_never", "ord_2", 100, NOW.minus(Duration.ofDays(2)));
        assertThat(gateway.lookup(never)).isEmpty();
        stripe.verify(0, postRequestedFor(urlEqualTo("/v1/payment_intents")));
    }

    @Test
    void refundsGoToThePaymentIntentWithTheirOwnKey() {
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"re_1\", \"object\": \"refund\", \"amount\": 22000, \"currency\": \"usd\", "
                        + "\"payment_intent\": \"pi_1\", \"status\": \"succeeded\"}")));
        ProviderResult result = gateway.refund(Attempts.refund("pay_r1", "pi_1", 22000, "USD"));
        assertThat(result.reference()).isEqualTo("re_1");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("pay_r1"))
                .withRequestBody(containing("payment_intent=pi_1")).withRequestBody(containing("amount=22000")));
    }
}
