package org.boxoffice.billing;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconciliationTest extends ApiTest {
    private TestEvent event;
    private Instant deadline;

    @BeforeEach
    void setUp() {
        event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 10, "10.00", "pdf")));
        deadline = clock.instant().plus(Duration.ofDays(3));
    }

    private String order(String card) {
        String token = fixtures.token(fixtures.buyer(card));
        return buying.order(token, buying.quoteId(token, event.id(), "A", "1", 1), "pdf", deadline).extract().path("data.order_id");
    }

    private String attemptOf(String orderId) {
        return jdbc.sql("SELECT id FROM payment_attempts WHERE owner_id = :o AND kind = 'charge'").param("o", orderId)
                .query(String.class).single();
    }

    private Map<String, Object> mismatch(String reference) {
        String today = clock.instant().toString().substring(0, 10);
        JsonPath report = admin().get("/admin/v1/reconciliation?from=" + today + "&to=" + today).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> found = report.getList("data.mismatches");
        return found.stream().filter(m -> reference.equals(m.get("reference"))).findFirst().orElse(null);
    }

    @Test
    void agreeingRecordsAreNotListedAndEachDisagreementIs() {
        String good = attemptOf(order("tok_visa"));
        assertThat(mismatch(good)).isNull();

        String unsettled = attemptOf(order("tok_timeout"));
        assertThat(mismatch(unsettled)).containsEntry("problem", "unsettled").containsEntry("ours", "unknown");

        String forgotten = attemptOf(order("tok_visa"));
        jdbc.sql("DELETE FROM sandbox_charges WHERE idempotency_key = :k").param("k", forgotten).update();
        assertThat(mismatch(forgotten)).containsEntry("problem", "provider_disagrees").containsEntry("provider", "no_record");

        String token = fixtures.token(fixtures.buyer("tok_chargeDeclined"));
        buying.order(token, buying.quoteId(token, event.id(), "A", "1", 1), "pdf", deadline).statusCode(402);
        String declined = jdbc.sql("SELECT id FROM payment_attempts WHERE status = 'failed' ORDER BY seq DESC LIMIT 1")
                .query(String.class).single();
        assertThat(mismatch(declined)).isNull();
        jdbc.sql("UPDATE sandbox_charges SET status = 'succeeded' WHERE idempotency_key = :k").param("k", declined).update();
        assertThat(mismatch(declined)).containsEntry("problem", "provider_took_money_we_recorded_as_failed");
    }

    @Test
    void aPayoutWeThinkPaidButTheProviderFailedIsListed() {
        TestPartner partner = fixtures.partner();
        admin().contentType(JSON).body(Json.of(obj("payout_method", obj("provider", "sandbox", "reference", "ba_sandbox"))))
                .put("/admin/v1/partners/" + partner.id() + "/payment-configuration").then().statusCode(200);
        admin().contentType(JSON).body(Json.of(obj("amount", "40.00", "currency", "USD", "description", "Credit")))
                .post("/admin/v1/partners/" + partner.id() + "/adjustments").then().statusCode(201);
        admin().post("/admin/v1/payouts/run").then().statusCode(200);
        admin().post("/admin/v1/payouts/sync").then().statusCode(200);
        String payout = admin().get("/admin/v1/payouts?partner_id=" + partner.id()).then().extract().path("data[0].payout_id");
        assertThat(mismatch(payout)).isNull();
        jdbc.sql("UPDATE sandbox_charges SET status = 'account_closed' WHERE idempotency_key = :k").param("k", payout).update();
        assertThat(mismatch(payout)).containsEntry("problem", "provider_disagrees").containsEntry("ours", "paid")
                .containsEntry("provider", "failed");
    }

    @Test
    void periodValidation() {
        admin().get("/admin/v1/reconciliation?from=2026-12-10&to=2026-12-01").then().statusCode(400);
        admin().get("/admin/v1/reconciliation?from=soon").then().statusCode(400);
        admin().get("/admin/v1/reconciliation").then().statusCode(200);
    }
}
