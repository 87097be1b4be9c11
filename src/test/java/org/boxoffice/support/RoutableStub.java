package org.boxoffice.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.boxoffice.payment.routable.RoutableSettings;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Routable's API faked at the HTTP level (WireMock), so the real adapter runs: started when made, with the settings
 * that point the application (or a bare adapter) at it, and Routable's JSON as PROVIDERS.md §1 describes it.
 */
public final class RoutableStub extends WireMockServer {
    public static final String TEAM_MEMBER = "9a3b8f52-1c44-4a0e-8f37-0b9c2d1e7a10";
    public static final String ACCOUNT = "0f6d6c3e-2b8e-4b41-9a55-3c1d2e4f5a60";
    public static final String COMPANY = "5b9c1e52-2d35-4a8a-9bb0-6f6f0b5d9a11";

    public RoutableStub() {
        super(options().dynamicPort());
        start();
    }

    /** The application's Routable settings for this stub, with a 1 ms backoff between tries. */
    public void register(DynamicPropertyRegistry registry, String webhookSecret) {
        registry.add("boxoffice.routable.api-token", () -> "rt_test");
        registry.add("boxoffice.routable.api-base", this::baseUrl);
        registry.add("boxoffice.routable.acting-team-member", () -> TEAM_MEMBER);
        registry.add("boxoffice.routable.withdraw-from-account", () -> ACCOUNT);
        registry.add("boxoffice.routable.webhook-secret", () -> webhookSecret);
        registry.add("boxoffice.routable.backoff", () -> "PT0.001S");
    }

    /** The same, for an adapter made by hand: 3 tries, 1 ms backoff, a 500 ms timeout. */
    public RoutableSettings settings() {
        return new RoutableSettings(baseUrl(), "rt_test", TEAM_MEMBER, ACCOUNT, "whsec", 3, Duration.ofMillis(1),
                Duration.ofMillis(500));
    }

    /** A payable of 50.00 USD. */
    public static String payable(String id, String status, String externalId) {
        return "{\"object\": \"Payable\", \"id\": \"" + id + "\", \"status\": \"" + status
                + "\", \"amount\": \"50.00\", \"currency_code\": \"USD\", \"external_id\": \"" + externalId + "\"}";
    }

    /** A page of payables, as {@code GET /v1/payables} answers. */
    public static String list(String... payables) {
        return "{\"object\": \"List\", \"results\": [" + Arrays.stream(payables).collect(Collectors.joining(", "))
                + "], \"links\": {\"next\": null}}";
    }
}
