package org.boxoffice.payment.routable;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Routable's webhook signature (PROVIDERS.md §1.12): lower-case hex HMAC-SHA256 of {@code <timestamp>.<raw body>}
 * with the webhook secret. Timestamps older than five minutes, or in the future, are refused. The timestamp's format
 * is not documented: ISO-8601 and epoch seconds are both read.
 */
final class RoutableSignature {
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    /** Allowance for clocks that differ a little between Routable and us. */
    static final Duration SKEW = Duration.ofSeconds(5);

    private RoutableSignature() {
    }

    static boolean valid(String secret, String timestamp, String signature, String body, Instant now) {
        if (secret == null || secret.isBlank() || timestamp == null || signature == null) {
            return false;
        }
        Instant sent = parse(timestamp);
        if (sent == null || sent.isBefore(now.minus(TOLERANCE)) || sent.isAfter(now.plus(SKEW))) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signature.trim().toLowerCase().getBytes(StandardCharsets.UTF_8));
    }

    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant parse(String timestamp) {
        try {
            return timestamp.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(timestamp))
                    : Instant.parse(timestamp);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
