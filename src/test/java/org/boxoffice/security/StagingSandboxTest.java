package org.boxoffice.security;

import static org.hamcrest.Matchers.equalTo;

import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestPartner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A staging deployment turns the sandbox back on under {@code prod} with {@code BOXOFFICE_SANDBOX_ENABLED=true}, and says so. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "boxoffice.token-signing-key=staging-profile-test-signing-key-0123456789", "boxoffice.sandbox.enabled=true"})
@ActiveProfiles({"test", "prod"})
class StagingSandboxTest extends ApiTest {

    @Test
    void theStagingSwitchAcceptsSandboxReferencesServesTheSandboxAndSaysSo() {
        TestPartner buyer = fixtures.buyer(); // sandbox card and payout method: refused under plain prod
        as(buyer).get("/v1/account").then().statusCode(200).body("data.sandbox", equalTo(true))
                .body("data.payment_configuration.card_on_file.configured", equalTo(true));
        anonymous().get("/sandbox/checkout").then().statusCode(200).contentType("text/html");
    }
}
