package org.boxoffice.partner;

import static io.restassured.http.ContentType.JSON;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.Test;

class AdminPartnerTest extends ApiTest {

    @Test
    void createShowsTheSecretOnceAndGetNeverShowsIt() {
        admin().contentType(JSON).body(Json.of(obj("name", "Acme Tickets", "billing_model", "merchant_of_record")))
                .post("/admin/v1/partners").then().statusCode(201)
                .body("data.partner_id", startsWith("prt_")).body("data.client_id", startsWith("cli_"))
                .body("data.client_secret", startsWith("cs_")).body("data.status", equalTo("active"))
                .body("data.billing_model", equalTo("merchant_of_record"));
        TestPartner partner = fixtures.partner();
        admin().get("/admin/v1/partners/" + partner.id()).then().statusCode(200)
                .body("data.client_secret", nullValue())
                .body("data.client_id", equalTo(partner.clientId()))
                .body("data.payment_configuration.card_on_file.configured", equalTo(false))
                .body("data.rate_limit.requests_per_second", equalTo(100000));
    }

    @Test
    void createValidatesNameAndBillingModel() {
        admin().contentType(JSON).body(Json.of(obj("name", "", "billing_model", "partner_billed")))
                .post("/admin/v1/partners").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fields[0].field", equalTo("name"));
        admin().contentType(JSON).body(Json.of(obj("name", "X", "billing_model", "barter")))
                .post("/admin/v1/partners").then().statusCode(400).body("error.details.fields[0].field", equalTo("billing_model"));
    }

    @Test
    void unknownPartnerIsNotFound() {
        admin().get("/admin/v1/partners/prt_nope").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        admin().post("/admin/v1/partners/prt_nope/suspend").then().statusCode(404);
        admin().post("/admin/v1/partners/prt_nope/rotate-secret").then().statusCode(404);
    }

    @Test
    void paymentConfigurationTakesSandboxTestReferencesAndRealProviderReferences() {
        TestPartner partner = fixtures.partner();
        String path = "/admin/v1/partners/" + partner.id() + "/payment-configuration";
        admin().contentType(JSON).body(Json.of(obj("payout_method", obj("provider", "sandbox", "reference", "ba_sandbox"),
                        "card_on_file", obj("provider", "sandbox", "reference", "tok_visa"))))
                .put(path).then().statusCode(200)
                .body("data.payment_configuration.payout_method.configured", equalTo(true))
                .body("data.payment_configuration.payout_method.type", equalTo("bank_account"))
                .body("data.payment_configuration.card_on_file.last4", equalTo("4242"));
        as(partner).get("/v1/account").then().statusCode(200)
                .body("data.payment_configuration.card_on_file.configured", equalTo(true))
                .body("data.billing_model", equalTo("partner_billed"));
        admin().contentType(JSON).body(Json.of(obj("payout_method", obj("provider", "routable",
                                "reference", "5b9c1e52-2d35-4a8a-9bb0-6f6f0b5d9a11"),
                        "card_on_file", obj("provider", "stripe", "reference", "cus_Abc123:pm_Def456"))))
                .put(path).then().statusCode(200)
                .body("data.payment_configuration.card_on_file.provider", equalTo("stripe"))
                .body("data.payment_configuration.payout_method.provider", equalTo("routable"));
        admin().contentType(JSON).body(Json.of(obj("payout_method", null, "card_on_file", null))).put(path).then().statusCode(200)
                .body("data.payment_configuration.card_on_file.configured", equalTo(false))
                .body("data.payment_configuration.payout_method.configured", equalTo(false));
    }

    @Test
    void badPaymentReferencesAreRefusedAndChangeNothing() {
        TestPartner partner = fixtures.partner();
        String path = "/admin/v1/partners/" + partner.id() + "/payment-configuration";
        admin().contentType(JSON).body(Json.of(obj("card_on_file", obj("provider", "sandbox", "reference", "tok_visa"))))
                .put(path).then().statusCode(200);
        for (Object bad : new Object[] {
                obj("card_on_file", obj("provider", "sandbox", "reference", "tok_mastercard")),
                obj("payout_method", obj("provider", "sandbox", "reference", "ba_other")),
                obj("card_on_file", obj("provider", "stripe", "reference", "pm_only")),
                obj("payout_method", obj("provider", "routable", "reference", "not-a-uuid")),
                obj("card_on_file", obj("provider", "paypal", "reference", "x")),
                obj("card_on_file", obj("provider", "sandbox"))}) {
            admin().contentType(JSON).body(Json.of(bad)).put(path).then().statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR"));
        }
        admin().get("/admin/v1/partners/" + partner.id()).then()
                .body("data.payment_configuration.card_on_file.last4", equalTo("4242"));
    }

    @Test
    void listIsPaginatedNewestFirst() {
        TestPartner older = fixtures.partner();
        clock.advance(java.time.Duration.ofSeconds(1));
        TestPartner newest = fixtures.partner();
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int offset = 0; !ids.contains(older.id()); offset += 100) {
            ids.addAll(admin().get("/admin/v1/partners?limit=100&offset=" + offset).then().statusCode(200)
                    .body("pagination.limit", equalTo(100)).extract().<java.util.List<String>>path("data.partner_id"));
        }
        org.assertj.core.api.Assertions.assertThat(ids.indexOf(newest.id())).isLessThan(ids.indexOf(older.id()));
        admin().get("/admin/v1/partners?limit=1").then().body("data", org.hamcrest.Matchers.hasSize(1))
                .body("pagination.has_more", equalTo(true));
    }
}
