package org.boxoffice.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestPartner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/** Spring Security's own OAuth 2.0 client, unchanged, gets a token from the token endpoint and calls the API with it. */
class StockOAuthClientTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"client_secret_basic", "client_secret_post"})
    void aStockClientCredentialsClientGetsATokenAndUsesIt(String authentication) {
        TestPartner partner = fixtures.partner();
        ClientRegistration registration = ClientRegistration.withRegistrationId("boxoffice")
                .clientId(partner.clientId()).clientSecret(partner.clientSecret())
                .clientAuthenticationMethod(new ClientAuthenticationMethod(authentication))
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("events:read", "orders:write")
                .tokenUri("http://localhost:" + port + "/v1/auth/token")
                .build();
        OAuth2AccessTokenResponse response = new RestClientClientCredentialsTokenResponseClient()
                .getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration));

        assertThat(response.getAccessToken().getTokenType().getValue()).isEqualToIgnoringCase("Bearer");
        assertThat(response.getAccessToken().getScopes()).containsExactlyInAnyOrder("events:read", "orders:write");
        assertThat(Duration.between(response.getAccessToken().getIssuedAt(), response.getAccessToken().getExpiresAt()))
                .isEqualTo(Duration.ofHours(1));
        as(response.getAccessToken().getTokenValue()).get("/v1/account").then().statusCode(200);
        as(response.getAccessToken().getTokenValue()).get("/v1/events").then().statusCode(200);
        as(response.getAccessToken().getTokenValue()).get("/v1/billing/balance").then().statusCode(403);
    }
}
