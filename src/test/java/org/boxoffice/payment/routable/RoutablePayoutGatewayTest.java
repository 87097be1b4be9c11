package org.boxoffice.payment.routable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Instant;
import org.boxoffice.payment.CardGateway;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.PayoutGateway.PayoutStatus;
import org.boxoffice.support.Attempts;
import org.boxoffice.support.RoutableStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real adapter against a stub speaking Routable's v1 wire format (PROVIDERS.md §1). */
class RoutablePayoutGatewayTest {
    private RoutableStub routable;
    private RoutablePayoutGateway gateway;

    @BeforeEach
    void start() {
        routable = new RoutableStub();
        gateway = new RoutablePayoutGateway(routable.settings());
    }

    /** Payout {@code po_<n>} as sent: attempt {@code pay_<n>}, made when it is still 20 November in Pacific time. */
    private static PaymentAttempt payout(int n, long amountMinor) {
        return Attempts.payout("pay_" + n, "po_" + n, RoutableStub.COMPANY, amountMinor, "USD", Instant.parse("2026-11-21T05:00:00Z"));
    }

    @AfterEach
    void stop() {
        routable.stop();
    }

    private static String payable(String status) {
        return RoutableStub.payable("7d1e2c3b-0000-4000-8000-000000000001", status, "po_1");
    }

    @Test
    void aPayoutIsAnAchPayableToThePartnersCompanyKeyedByItsAttemptAndNamedByOurPayoutId() {
        routable.stubFor(post(urlEqualTo("/v1/payables")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(payable("pending"))));
        PayoutStatus status = gateway.send(payout(1, 5000));
        assertThat(status.state()).isEqualTo(PayoutStatus.State.IN_TRANSIT);
        assertThat(status.reference()).isEqualTo("7d1e2c3b-0000-4000-8000-000000000001");
        routable.verify(postRequestedFor(urlEqualTo("/v1/payables"))
                .withHeader("Authorization", equalTo("Bearer rt_test")).withHeader("Idempotency-Key", equalTo("pay_1"))
                .withRequestBody(equalToJson("""
                        {"type": "ach", "acting_team_member": "%s", "pay_to_company": "%s", "withdraw_from_account": "%s",
                         "amount": "50.00", "currency_code": "USD", "delivery_method": "ach_standard", "send_on": "2026-11-20",
                         "external_id": "po_1", "line_items": [{"description": "Boxoffice payout po_1", "quantity": "1",
                         "unit_price": "50.00", "amount": "50.00", "style": "item"}]}""".formatted(RoutableStub.TEAM_MEMBER, RoutableStub.COMPANY, RoutableStub.ACCOUNT))));
    }

    @Test
    void accepted202IsInTransitAndARefusalIsAFailure() {
        routable.stubFor(post(urlEqualTo("/v1/payables")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"object\": \"Payable\", \"id\": \"abc\", \"links\": {\"self\": \"/v1/payables/abc\"}}")));
        assertThat(gateway.send(payout(2, 100)).state()).isEqualTo(PayoutStatus.State.IN_TRANSIT);
        routable.stubFor(post(urlEqualTo("/v1/payables")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\": \"Validation Error\", \"status\": 400, \"request_id\": \"r1\"}")));
        PayoutStatus refused = gateway.send(payout(3, 100));
        assertThat(refused.state()).isEqualTo(PayoutStatus.State.FAILED);
        assertThat(refused.failureCode()).isEqualTo("routable_400");
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedThenUnknown() {
        routable.stubFor(post(urlEqualTo("/v1/payables")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("ok"));
        routable.stubFor(post(urlEqualTo("/v1/payables")).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(payable("pending"))));
        assertThat(gateway.send(payout(4, 100)).state()).isEqualTo(PayoutStatus.State.IN_TRANSIT);
        routable.verify(2, postRequestedFor(urlEqualTo("/v1/payables")).withHeader("Idempotency-Key", equalTo("pay_4")));

        routable.resetAll();
        routable.stubFor(post(urlEqualTo("/v1/payables")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> gateway.send(payout(5, 100))).isInstanceOf(CardGateway.OutcomeUnknown.class);
        routable.verify(3, postRequestedFor(urlEqualTo("/v1/payables")));

        routable.resetAll();
        routable.stubFor(post(urlEqualTo("/v1/payables")).willReturn(aResponse().withFixedDelay(1500).withStatus(201)));
        assertThatThrownBy(() -> gateway.send(payout(6, 100))).isInstanceOf(CardGateway.OutcomeUnknown.class);
    }

    @Test
    void statusIsReadByExternalIdWhateverHappenedToTheFirstAnswer() {
        routable.stubFor(get(urlPathEqualTo("/v1/payables")).withQueryParam("external_id", equalTo("po_1"))
                .willReturn(okJson(RoutableStub.list(payable("completed")))));
        routable.stubFor(get(urlPathEqualTo("/v1/payables")).withQueryParam("external_id", equalTo("po_2"))
                .willReturn(okJson(RoutableStub.list(payable("failed")))));
        routable.stubFor(get(urlPathEqualTo("/v1/payables")).withQueryParam("external_id", equalTo("po_3"))
                .willReturn(okJson(RoutableStub.list())));
        routable.stubFor(get(urlPathEqualTo("/v1/payables")).withQueryParam("external_id", equalTo("po_4"))
                .willReturn(okJson(RoutableStub.list(payable("returned")))));
        assertThat(gateway.status("po_1").state()).isEqualTo(PayoutStatus.State.PAID);
        assertThat(gateway.status("po_2").failureCode()).isEqualTo("routable_failed");
        assertThat(gateway.status("po_3").state()).isEqualTo(PayoutStatus.State.NOT_FOUND);
        assertThat(gateway.status("po_4").state()).as("unknown statuses are never success").isEqualTo(PayoutStatus.State.IN_TRANSIT);
    }
}
