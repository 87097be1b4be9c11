package org.boxoffice.payment.routable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Routable's webhook signature against a known answer computed outside this code base, from the documented scheme
 * (PROVIDERS.md §1.12: lower-case hex HMAC-SHA256 of {@code "<Routable-Signature-Timestamp>.<raw body>"}):
 * {@code printf '%s' "1764583200.$BODY" | openssl dgst -sha256 -hmac routable-webhook-secret}.
 */
class RoutableSignatureKnownAnswerTest {
    private static final String SECRET = "routable-webhook-secret";
    private static final String TIMESTAMP = "1764583200"; // 2025-12-01T10:00:00Z
    private static final String BODY =
            "{\"id\":\"evt_1\",\"type\":\"payable.status_changed\",\"event_resource\":\"payable\",\"resource_id\":\"pbl_1\"}";
    private static final String EXPECTED = "367ab98dc101ae3126818013d69eba95804a7196fe36cb65468bb07e5e26d97b";
    private static final Instant NOW = Instant.parse("2025-12-01T10:00:30Z");

    @Test
    void theDocumentedStringToSignGivesTheKnownAnswer() {
        assertThat(RoutableSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
        assertThat(RoutableSignature.valid(SECRET, TIMESTAMP, EXPECTED, BODY, NOW)).isTrue();
    }

    @Test
    void anyChangeToTheBodyTheTimestampTheSecretOrTheSignatureIsRefused() {
        String flipped = (EXPECTED.charAt(0) == '3' ? "4" : "3") + EXPECTED.substring(1);
        assertThat(RoutableSignature.valid(SECRET, TIMESTAMP, flipped, BODY, NOW)).isFalse();
        assertThat(RoutableSignature.valid(SECRET, TIMESTAMP, EXPECTED, BODY + " ", NOW)).isFalse();
        assertThat(RoutableSignature.valid(SECRET, "1764583201", EXPECTED, BODY, NOW)).isFalse();
        assertThat(RoutableSignature.valid(SECRET + "x", TIMESTAMP, EXPECTED, BODY, NOW)).isFalse();
    }
}
