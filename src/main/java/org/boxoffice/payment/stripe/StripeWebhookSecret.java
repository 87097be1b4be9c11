package org.boxoffice.payment.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.boxoffice.shared.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@code Stripe-Signature} scheme: HMAC-SHA256 of {@code "t.body"} keyed with the endpoint secret. Verification
 * refuses timestamps more than 5 minutes old <em>or ahead</em> (stripe-java alone only checks the past). Without
 * {@code BOXOFFICE_STRIPE_WEBHOOK_SECRET} a random secret is made at start, and only the sandbox can sign with it.
 */
@Component
public class StripeWebhookSecret {
    static final Duration TOLERANCE = Duration.ofSeconds(300);
    private final String secret;
    private final Clock clock;

    StripeWebhookSecret(@Value("${boxoffice.stripe.webhook-secret:}") String configured, Clock clock) {
        this.secret = configured.isBlank() ? "whsec_sandbox_" + Ids.random(32) : configured;
        this.clock = clock;
    }

    /** A valid header for the body, signed now: how the sandbox delivers its events. */
    public String sign(String body) {
        return sign(body, Instant.now(clock).getEpochSecond());
    }

    String sign(String body, long timestamp) {
        try {
            return Webhook.Signature.generateSignatureHeader(body, secret, timestamp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }

    boolean valid(String body, String header) {
        if (header == null || body == null) {
            return false;
        }
        Long timestamp = timestamp(header);
        Instant now = Instant.now(clock);
        if (timestamp == null || Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return false;
        }
        try {
            return Webhook.Signature.verifyHeader(body, header, secret, 0); // age checked above, both ways
        } catch (SignatureVerificationException e) {
            return false;
        }
    }

    private static Long timestamp(String header) {
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                try {
                    return Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
