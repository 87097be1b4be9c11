package org.boxoffice.payment.routable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.boxoffice.support.RoutableStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Payouts through Routable (a stub at the HTTP level) and its webhook, as the application receives it. */
class RoutableWebhookTest extends ApiTest {
    static final String SECRET = "routable-webhook-secret";
    static final String PAYABLE = "7d1e2c3b-0000-4000-8000-00000000abcd";
    static final RoutableStub ROUTABLE = new RoutableStub();

    @DynamicPropertySource
    static void routable(DynamicPropertyRegistry registry) {
        ROUTABLE.register(registry, SECRET);
    }

    @AfterAll
    static void stopRoutable() {
        ROUTABLE.stop();
    }

    private String payoutId;
    private TestPartner partner;

    @BeforeEach
    void aPayoutInTransit() {
        clock.advance(Duration.ofSeconds(1)); // every delivery of every test has its own timestamp, as in life
        ROUTABLE.resetAll();
        ROUTABLE.stubFor(post(urlEqualTo("/v1/payables")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"object\": \"Payable\", \"id\": \"" + PAYABLE + "\", \"status\": \"pending\"}")));
        partner = fixtures.partner();
        admin().contentType(JSON).body(Json.of(obj("payout_method", obj("provider", "routable", "reference",
                        RoutableStub.COMPANY)))).put("/admin/v1/partners/" + partner.id() + "/payment-configuration")
                .then().statusCode(200);
        admin().contentType(JSON).body(Json.of(obj("amount", "75.00", "currency", "USD", "description", "Commissions")))
                .post("/admin/v1/partners/" + partner.id() + "/adjustments").then().statusCode(201);
        admin().post("/admin/v1/payouts/run").then().statusCode(200);
        payoutId = admin().get("/admin/v1/payouts?partner_id=" + partner.id()).then()
                .body("data[0].status", equalTo("in_transit")).body("data[0].provider", equalTo("routable"))
                .extract().path("data[0].payout_id");
        ROUTABLE.stubFor(get(urlEqualTo("/v1/payables/" + PAYABLE)).willReturn(okJson(RoutableStub.payable(PAYABLE,
                "completed", payoutId))));
    }

    private static String event() {
        return "{\"company_id\": \"our-company\", \"event_name\": \"payable.status_changed\", \"event_resource\": \"payable\", "
                + "\"object_id\": \"" + PAYABLE + "\"}";
    }

    private io.restassured.response.ValidatableResponse deliver(String body, String timestamp, String signature) {
        return anonymous().contentType(JSON).header("Routable-Signature-Timestamp", timestamp)
                .header("Routable-Signature", signature).body(body).post("/webhooks/routable").then();
    }

    private String now() {
        return clock.instant().toString();
    }

    private void awaitStatus(String status) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status.equals(admin().get("/admin/v1/payouts?partner_id="
                + partner.id()).then().extract().path("data[0].status")));
    }

    @Test
    void aSignedThinEventIsAcknowledgedAtOnceAndThePayableFetched() {
        String ts = now();
        deliver(event(), ts, RoutableSignature.sign(SECRET, ts, event())).statusCode(200).body(emptyString());
        awaitStatus("paid");
    }

    @Test
    void aRepeatedDeliveryIsProcessedOnce() {
        String ts = now();
        String signature = RoutableSignature.sign(SECRET, ts, event());
        deliver(event(), ts, signature).statusCode(200);
        awaitStatus("paid");
        deliver(event(), ts, signature).statusCode(200);
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> ROUTABLE.findAll(getRequestedFor(urlEqualTo("/v1/payables/" + PAYABLE))).size() == 1);
    }

    @Test
    void badSignaturesAndBadTimesAreRefusedAndChangeNothing() {
        String ts = now();
        String good = RoutableSignature.sign(SECRET, ts, event());
        deliver(event().replace("payable.status_changed", "payable.created"), ts, good).statusCode(401);
        deliver(event(), ts, RoutableSignature.sign("another-secret", ts, event())).statusCode(401);
        String stale = clock.instant().minus(Duration.ofMinutes(6)).toString();
        deliver(event(), stale, RoutableSignature.sign(SECRET, stale, event())).statusCode(401);
        String future = clock.instant().plus(Duration.ofMinutes(2)).toString();
        deliver(event(), future, RoutableSignature.sign(SECRET, future, event())).statusCode(401);
        String epoch = Long.toString(clock.instant().getEpochSecond());
        deliver(event(), "yesterday", good).statusCode(401);
        anonymous().contentType(JSON).body(event()).post("/webhooks/routable").then().statusCode(401);
        admin().get("/admin/v1/payouts?partner_id=" + partner.id()).then().body("data[0].status", equalTo("in_transit"));
        deliver(event(), epoch, RoutableSignature.sign(SECRET, epoch, event())).statusCode(200);
        awaitStatus("paid");
    }

    /**
     * A payout sent without an answer (Routable busy on every try) is an unsettled payment attempt like any other:
     * reconciliation asks Routable by our payout id and settles it. Every try carried the same key and the same bytes.
     */
    @Test
    void aPayoutWithoutAnAnswerIsSettledByReconciliation() {
        ROUTABLE.resetAll();
        ROUTABLE.stubFor(post(urlEqualTo("/v1/payables")).willReturn(aResponse().withStatus(503)));
        TestPartner lost = fixtures.partner();
        admin().contentType(JSON).body(Json.of(obj("payout_method", obj("provider", "routable", "reference",
                RoutableStub.COMPANY)))).put("/admin/v1/partners/" + lost.id() + "/payment-configuration")
                .then().statusCode(200);
        admin().contentType(JSON).body(Json.of(obj("amount", "12.00", "currency", "USD", "description", "Commissions")))
                .post("/admin/v1/partners/" + lost.id() + "/adjustments").then().statusCode(201);
        admin().post("/admin/v1/payouts/run").then().statusCode(200);
        String lostPayout = admin().get("/admin/v1/payouts?partner_id=" + lost.id()).then()
                .body("data[0].status", equalTo("pending")).extract().path("data[0].payout_id");
        var tries = ROUTABLE.findAll(postRequestedFor(urlEqualTo("/v1/payables")));
        assertThat(tries).hasSize(3);
        assertThat(tries).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(tries.getFirst().getHeader("Idempotency-Key"));
        assertThat(tries).extracting(r -> r.getBodyAsString()).containsOnly(tries.getFirst().getBodyAsString());
        assertThat(tries.getFirst().getBodyAsString()).contains("\"external_id\":\"" + lostPayout + "\"");

        ROUTABLE.stubFor(get(urlPathEqualTo("/v1/payables")).withQueryParam("external_id", WireMock.equalTo(lostPayout))
                .willReturn(okJson(RoutableStub.list(RoutableStub.payable("p-lost", "scheduled", lostPayout)))));
        admin().post("/admin/v1/payments/reconcile").then().statusCode(200).body("data.settled", greaterThanOrEqualTo(1));
        admin().get("/admin/v1/payouts?partner_id=" + lost.id()).then().body("data[0].status", equalTo("in_transit"))
                .body("data[0].provider_reference", equalTo("p-lost"));
        as(lost).get("/v1/billing/balance").then().body("data.available[0].amount", equalTo("0.00"));
    }
}
