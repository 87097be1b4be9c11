package org.boxoffice.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.stripe.StripeClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stripe's API faked at the HTTP level (WireMock), so our adapters and stripe-java run for real: started when made,
 * with the settings that point the application (or a bare {@link StripeClient}) at it, and Stripe's JSON objects as
 * PROVIDERS.md §2 describes them. One per test class: {@code static final StripeStub STRIPE = new StripeStub();}.
 */
public final class StripeStub extends WireMockServer {

    public StripeStub() {
        super(options().dynamicPort());
        start();
    }

    /** The application's Stripe settings for this stub: no network retries, a 500 ms read timeout. */
    public Map<String, String> settings(String secretKey) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("boxoffice.stripe.secret-key", secretKey);
        settings.put("boxoffice.stripe.api-base", baseUrl());
        settings.put("boxoffice.stripe.max-network-retries", "0");
        settings.put("boxoffice.stripe.read-timeout-ms", "500");
        return settings;
    }

    /** {@link #settings} and any more (name, value, name, value …) into a test's {@code @DynamicPropertySource}. */
    public void register(DynamicPropertyRegistry registry, String secretKey, String... more) {
        Map<String, String> settings = settings(secretKey);
        for (int i = 0; i + 1 < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        settings.forEach((name, value) -> registry.add(name, () -> value));
    }

    /** stripe-java against this stub with key {@code sk_test_123}, for adapter tests without the application. */
    public StripeClient client() {
        return StripeClient.builder().setApiKey("sk_test_123").setApiBase(baseUrl()).setMaxNetworkRetries(0)
                .setConnectTimeout(1000).setReadTimeout(500).build();
    }

    /** Answers {@code request} with a Stripe JSON body and HTTP status. */
    public void answer(MappingBuilder request, int status, String body) {
        stubFor(request.willReturn(json(status, body)));
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_1").withBody(body);
    }

    /** A PaymentIntent; {@code metadata} and {@code lastError} are JSON ({@code "null"} for none). */
    public static String paymentIntent(String id, long amount, String status, String latestCharge, String metadata,
                                       String lastError) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": %d, "amount_received": 0, "currency": "usd",
                 "status": "%s", "client_secret": "%s_secret_abc", "latest_charge": %s, "metadata": %s,
                 "last_payment_error": %s, "customer": "cus_A", "payment_method": "pm_B",
                 "automatic_payment_methods": {"enabled": true, "allow_redirects": "always"},
                 "payment_method_types": ["card"], "capture_method": "automatic", "created": 1700000000,
                 "livemode": false}""".formatted(id, amount, status, id,
                latestCharge == null ? "null" : "\"" + latestCharge + "\"", metadata, lastError);
    }

    /** A succeeded off-session charge of {@code amount} with no metadata. */
    public static String succeededCharge(String id, long amount) {
        return paymentIntent(id, amount, "succeeded", "ch_" + id.substring(3), "{}", "null");
    }

    /** Stripe's error object ({@code declineCode} null for none). */
    public static String error(String type, String code, String declineCode, String message) {
        return """
                {"error": {"type": "%s", "code": "%s", %s"message": "%s"}}""".formatted(type, code,
                declineCode == null ? "" : "\"decline_code\": \"" + declineCode + "\", ", message);
    }
}
