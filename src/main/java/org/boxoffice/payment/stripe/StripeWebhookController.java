package org.boxoffice.payment.stripe;

import java.util.Map;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/stripe}: 200 {@code {"received": true, "outcome": ...}} for a genuine event (processed,
 * duplicate or ignored), 400 for a bad signature, 503 if processing failed (Stripe retries).
 */
@RestController
class StripeWebhookController {
    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(value = "/webhooks/stripe", consumes = "*/*")
    Map<String, Object> receive(@RequestBody(required = false) String body,
                                @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        StripeWebhooks.Outcome outcome;
        try {
            outcome = webhooks.accept(body == null ? "" : body, signature);
        } catch (RuntimeException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The event could not be processed now; retry later");
        }
        if (outcome == StripeWebhooks.Outcome.REJECTED) {
            throw ApiException.validation("Stripe-Signature", "missing, invalid or outside the 5-minute tolerance");
        }
        return Map.of("received", true, "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
    }
}
