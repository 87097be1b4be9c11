package org.boxoffice.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Stripe's webhook signature against known answers computed outside this code base, from the documented scheme
 * (PROVIDERS.md §2.8: {@code Stripe-Signature: t=<unix>,v1=<hex>}, HMAC-SHA256 of {@code "<t>.<raw body>"} keyed with
 * the whole secret, {@code whsec_} prefix included):
 * {@code printf '%s' "1764583200.$BODY" | openssl dgst -sha256 -hmac whsec_test_secret}.
 */
class StripeSignatureKnownAnswerTest {
    private static final String SECRET = "whsec_test_secret";
    private static final String BODY = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\"}";
    private static final String V1 = "d0b921752a39bc61aed063e03e4602d5c5770b3eb51e2af4520f1f59b069626f";
    /** The same string signed with the secret without its prefix: what a wrong reading of the scheme would give. */
    private static final String V1_WITHOUT_PREFIX = "3c775d604a94789270e72658ed48856971999ae79a6f6da5505697b55605c712";
    private final StripeWebhookSecret secret = new StripeWebhookSecret(SECRET,
            Clock.fixed(Instant.parse("2025-12-01T10:01:00Z"), ZoneOffset.UTC));

    @Test
    void theDocumentedHeaderIsAcceptedAndWhatWeSignIsTheKnownAnswer() {
        assertThat(secret.valid(BODY, "t=1764583200,v1=" + V1)).isTrue();
        assertThat(secret.sign(BODY, 1764583200L)).isEqualTo("t=1764583200,v1=" + V1);
    }

    @Test
    void anyOfSeveralSignaturesMayMatchAndOtherSchemesAreIgnored() {
        assertThat(secret.valid(BODY, "t=1764583200,v1=" + V1_WITHOUT_PREFIX + ",v1=" + V1 + ",v0=abc")).isTrue();
    }

    @Test
    void aSignatureMadeAnyOtherWayIsRefused() {
        assertThat(secret.valid(BODY, "t=1764583200,v1=" + V1_WITHOUT_PREFIX)).isFalse();
        assertThat(secret.valid(BODY, "t=1764583201,v1=" + V1)).isFalse();
        assertThat(secret.valid(BODY + "\n", "t=1764583200,v1=" + V1)).isFalse();
        assertThat(secret.valid(BODY, "t=1764583200,v0=" + V1)).isFalse();
    }
}
