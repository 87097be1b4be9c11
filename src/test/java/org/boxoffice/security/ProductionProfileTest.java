package org.boxoffice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.ga;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The {@code prod} profile (API.md §9, DESIGN rule 12): the sandbox moves no money, its pages do not exist,
 * merchant-of-record checkout needs Stripe keys, HSTS is sent, CORS opens only to configured origins, and the token
 * signing key from the environment is never written to the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "boxoffice.token-signing-key=prod-profile-test-signing-key-0123456789",
        "boxoffice.http.cors-allowed-origins=https://tickets.example"})
@ActiveProfiles({"test", "prod"})
class ProductionProfileTest extends ApiTest {

    @Test
    void sandboxReferencesAreRefusedAndChangeNothing() {
        TestPartner partner = fixtures.partner();
        admin().contentType("application/json").body(Json.of(obj("payout_method", null,
                        "card_on_file", obj("provider", "sandbox", "reference", "tok_visa"))))
                .put("/admin/v1/partners/" + partner.id() + "/payment-configuration").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fields[0].field", equalTo("card_on_file.reference"));
        admin().contentType("application/json").body(Json.of(obj("payout_method",
                        obj("provider", "sandbox", "reference", "ba_sandbox"), "card_on_file", null)))
                .put("/admin/v1/partners/" + partner.id() + "/payment-configuration").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        assertThat(jdbc.sql("SELECT count(*) FROM partners WHERE id = :id AND card_provider IS NULL AND payout_provider IS NULL")
                .param("id", partner.id()).query(Long.class).single()).isEqualTo(1);
        as(partner).get("/v1/account").then().statusCode(200).body("data.sandbox", equalTo(false));
    }

    /** A sandbox card stored before the switch (say, by a staging run on the same database) is declined, never captured. */
    @Test
    void anExistingSandboxCardFailsEveryCharge() {
        TestPartner partner = fixtures.partner();
        jdbc.sql("UPDATE partners SET card_provider = 'sandbox', card_reference = 'tok_visa', payout_provider = 'sandbox', "
                + "payout_reference = 'ba_sandbox' WHERE id = :id").param("id", partner.id()).update();
        Fixtures.TestEvent event = fixtures.event(Duration.ofDays(20), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 4, "40.00")));
        String token = fixtures.token(partner);
        String quote = buying.quoteId(token, event.id(), "A", "1", 2);
        buying.order(token, quote, "mobile_transfer", clock.instant().plus(Duration.ofDays(2))).statusCode(402)
                .body("error.code", equalTo("PAYMENT_FAILED"));
        as(token).get("/v1/quotes/" + quote).then().statusCode(200).body("data.status", equalTo("active"));
        assertThat(jdbc.sql("SELECT count(*) FROM sandbox_charges").query(Long.class).single())
                .as("sandbox charges recorded").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE partner_id = :p").param("p", partner.id())
                .query(Long.class).single()).as("ledger entries").isZero();
    }

    @Test
    void sandboxPagesDoNotExistAndBasketsNeedStripe() {
        anonymous().get("/sandbox/checkout?payment_intent=pi_x").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        anonymous().contentType("application/json").body("{}").post("/sandbox/payment_intents/pi_x/confirm").then()
                .statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        TestPartner shop = fixtures.partner("merchant_of_record");
        Fixtures.TestEvent event = fixtures.event(Duration.ofDays(20), List.of());
        fixtures.tickets(event.id(), List.of(ga("GA", 5, "25.00")));
        String token = fixtures.token(shop);
        String basket = buying.basketWith(token, event.id(), "GA", 1);
        buying.stripeObject(token, basket)
                .statusCode(403).body("error.code", equalTo("PAYMENT_NOT_CONFIGURED"));
        as(token).get("/v1/baskets/" + basket).then().statusCode(200).body("data.checkout_status", equalTo("not_checked_out"));
    }

    @Test
    void strictTransportSecurityIsSentOnEveryAnswer() {
        anonymous().get("/v1/events").then().statusCode(401)
                .header("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        as(fixtures.partner()).get("/v1/account").then().statusCode(200)
                .header("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void corsAnswersOnlyTheConfiguredOrigins() {
        anonymous().header("Origin", "https://tickets.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/v1/quotes").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://tickets.example");
        anonymous().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/v1/quotes").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theConfiguredSigningKeyIsNeverWrittenToTheDatabase() {
        as(fixtures.partner()).get("/v1/account").then().statusCode(200);
        assertThat(jdbc.sql("SELECT count(*) FROM signing_keys").query(Long.class).single()).isZero();
    }
}
