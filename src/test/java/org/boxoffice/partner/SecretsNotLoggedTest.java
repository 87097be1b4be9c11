package org.boxoffice.partner;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Json.obj;

import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedTest extends ApiTest {

    @Test
    void noSecretOrTokenAppearsInTheLogs(CapturedOutput output) {
        TestPartner partner = fixtures.partner();
        String token = fixtures.token(partner);
        anonymous().contentType(JSON).body(Json.of(obj("client_id", partner.clientId(), "client_secret",
                partner.clientSecret() + "x", "grant_type", "client_credentials"))).post("/v1/auth/token");
        String rotated = admin().post("/admin/v1/partners/" + partner.id() + "/rotate-secret").then().statusCode(200)
                .extract().path("data.client_secret");
        as(token).get("/v1/account");
        assertThat(output.getAll()).doesNotContain(partner.clientSecret()).doesNotContain(rotated)
                .doesNotContain(token).doesNotContain(OPERATOR_KEY);
    }
}
