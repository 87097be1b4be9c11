package org.boxoffice.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.boxoffice.payment.CardGateway;
import org.boxoffice.payment.IntentGateway;
import org.boxoffice.payment.IntentGateway.Intent;
import org.boxoffice.support.StripeStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PaymentIntents for baskets through the real adapter and stripe-java, against a stub of Stripe's wire format. */
class StripeIntentGatewayTest {
    private StripeStub stripe;
    private StripeIntentGateway gateway;

    @BeforeEach
    void start() {
        stripe = new StripeStub();
        gateway = new StripeIntentGateway(stripe.client(), "pk_test_123");
    }

    @AfterEach
    void stop() {
        stripe.stop();
    }

    /** A basket's intent, as the adapter creates them (metadata basket and partner). */
    static String intent(String id, long amount, String status, String lastError) {
        return StripeStub.paymentIntent(id, amount, status, null, "{\"basket_id\": \"bkt_1\", \"partner_id\": \"prt_1\"}",
                lastError);
    }

    private void stub(com.github.tomakehurst.wiremock.client.MappingBuilder request, int status, String body) {
        stripe.answer(request, status, body);
    }

    private static String error(String type, String code, String message) {
        return StripeStub.error(type, code, null, message);
    }

    @Test
    void anIntentForTheBasketTotalWithAutomaticPaymentMethodsMetadataAndTheReceiptEmail() {
        stub(post(urlEqualTo("/v1/payment_intents")), 200, intent("pi_1", 27600, "requires_payment_method", "null"));
        Intent created = gateway.create("basket_bkt_1_intent_1", 27600, "USD",
                Map.of("basket_id", "bkt_1", "partner_id", "prt_1"), "fan@example.com", "Boxoffice tickets, basket bkt_1");
        assertThat(created.id()).isEqualTo("pi_1");
        assertThat(created.clientSecret()).isEqualTo("pi_1_secret_abc");
        assertThat(created.amountMinor()).isEqualTo(27600);
        assertThat(created.currency()).isEqualTo("USD");
        assertThat(created.open()).isTrue();
        assertThat(gateway.publishableKey()).isEqualTo("pk_test_123");
        assertThat(gateway.checkoutUrl(created)).isEmpty();
        stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", equalTo("Bearer sk_test_123"))
                .withHeader("Idempotency-Key", equalTo("basket_bkt_1_intent_1"))
                .withHeader("Stripe-Version", matching("\\d{4}-\\d{2}-\\d{2}\\..+"))
                .withRequestBody(containing("amount=27600")).withRequestBody(containing("currency=usd"))
                .withRequestBody(containing("automatic_payment_methods[enabled]=true"))
                .withRequestBody(containing("metadata[basket_id]=bkt_1"))
                .withRequestBody(containing("metadata[partner_id]=prt_1"))
                .withRequestBody(containing("receipt_email=fan%40example.com")));
    }

    @Test
    void theAmountIsUpdatedWhileUnpaidAndARefusalMeansItIsPastThat() {
        stub(post(urlEqualTo("/v1/payment_intents/pi_1")), 200, intent("pi_1", 21150, "requires_payment_method", "null"));
        assertThat(gateway.updateAmount("pi_1", 21150)).get().extracting(Intent::amountMinor).isEqualTo(21150L);
        stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1")).withRequestBody(equalTo("amount=21150")));

        stub(post(urlEqualTo("/v1/payment_intents/pi_2")), 400, error("invalid_request_error",
                "payment_intent_unexpected_state", "This PaymentIntent's amount could not be updated because it has a status of succeeded."));
        assertThat(gateway.updateAmount("pi_2", 100)).isEmpty();
    }

    @Test
    void retrieveReadsStatusAndTheLastPaymentError() {
        stub(get(urlEqualTo("/v1/payment_intents/pi_3")), 200, intent("pi_3", 500, "requires_payment_method",
                """
                {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                 "message": "Your card has insufficient funds."}"""));
        Intent failed = gateway.retrieve("pi_3");
        assertThat(failed.failed()).isTrue();
        assertThat(failed.failureCode()).isEqualTo("insufficient_funds");
        assertThat(failed.metadata()).containsEntry("basket_id", "bkt_1");
        stripe.verify(getRequestedFor(urlEqualTo("/v1/payment_intents/pi_3")));
    }

    @Test
    void cancellingAnAbandonedIntentAndAPaidOneCannotBe() {
        stub(post(urlEqualTo("/v1/payment_intents/pi_4/cancel")), 200, intent("pi_4", 500, "canceled", "null"));
        assertThat(gateway.cancel("pi_4")).get().extracting(i -> i.status().wire()).isEqualTo("canceled");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_intents/pi_4/cancel"))
                .withRequestBody(equalTo("cancellation_reason=abandoned")));
        stub(post(urlEqualTo("/v1/payment_intents/pi_5/cancel")), 400, error("invalid_request_error",
                "payment_intent_unexpected_state", "You cannot cancel this PaymentIntent because it has a status of succeeded."));
        assertThat(gateway.cancel("pi_5")).isEmpty();
    }

    @Test
    void serverErrorsHaveNoAnswerAndRefusalsAreRefusals() {
        stub(post(urlEqualTo("/v1/payment_intents")), 500, error("api_error", "", "Something went wrong"));
        assertThatThrownBy(() -> gateway.create("k1", 100, "USD", Map.of(), null, "d"))
                .isInstanceOf(CardGateway.OutcomeUnknown.class).hasMessageContaining("HTTP 500");
        stub(get(urlEqualTo("/v1/payment_intents/pi_6")), 429, error("rate_limit_error", "rate_limit", "Too many"));
        assertThatThrownBy(() -> gateway.retrieve("pi_6")).isInstanceOf(CardGateway.OutcomeUnknown.class);
        stub(post(urlEqualTo("/v1/payment_intents")), 401, error("invalid_request_error", "", "Invalid API Key provided"));
        assertThatThrownBy(() -> gateway.create("k2", 100, "USD", Map.of(), null, "d"))
                .isInstanceOf(IntentGateway.Refused.class);
        stub(post(urlEqualTo("/v1/payment_intents")), 400, error("invalid_request_error", "amount_too_small",
                "Amount must be at least $0.50 usd"));
        assertThatThrownBy(() -> gateway.create("k3", 10, "USD", Map.of(), null, "d"))
                .isInstanceOf(IntentGateway.Refused.class).hasMessageContaining("at least");
    }
}
