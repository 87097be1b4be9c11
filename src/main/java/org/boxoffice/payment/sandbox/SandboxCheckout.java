package org.boxoffice.payment.sandbox;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import org.boxoffice.payment.IntentStatus;
import org.boxoffice.payment.IntentGateway.Intent;
import org.boxoffice.payment.stripe.StripeWebhookSecret;
import org.boxoffice.payment.stripe.StripeWebhooks;
import org.boxoffice.shared.Ids;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the customer does on the sandbox checkout page, as Stripe.js would do it against Stripe: confirm the intent
 * with a test card, and pass the authentication step when the card asks for one. Each outcome is sent as a signed
 * Stripe event through the very webhook code Stripe's own events take.
 */
@Service
@ConditionalOnExpression("'${boxoffice.stripe.secret-key:}' == '' and ${boxoffice.sandbox.enabled:true}")
class SandboxCheckout {
    static final String SUCCEEDS = "4242424242424242";
    static final String DECLINES = "4000000000000002";
    static final String AUTHENTICATES = "4000002500003155";
    private final SandboxIntentRepository intents;
    private final StripeWebhookSecret secret;
    private final StripeWebhooks webhooks;
    private final JsonMapper json;
    private final Clock clock;

    SandboxCheckout(SandboxIntentRepository intents, StripeWebhookSecret secret, StripeWebhooks webhooks,
                    JsonMapper json, Clock clock) {
        this.intents = intents;
        this.secret = secret;
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
    }

    /** The intent, for whoever holds its client secret. */
    Intent intent(String intentId, String clientSecret) {
        Intent intent = intents.find(intentId).orElse(null);
        if (intent == null || clientSecret == null || !MessageDigest.isEqual(
                intent.clientSecret().getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No payment " + intentId + " with this client secret");
        }
        return intent;
    }

    Intent confirm(String intentId, String clientSecret, String cardNumber) {
        intent(intentId, clientSecret);
        String card = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
        Instant now = Instant.now(clock);
        Set<IntentStatus> payable = Set.of(IntentStatus.REQUIRES_PAYMENT_METHOD, IntentStatus.REQUIRES_CONFIRMATION);
        boolean moved = switch (card) {
            case SUCCEEDS -> intents.transition(intentId, payable, IntentStatus.SUCCEEDED, null, null, null, now);
            case DECLINES -> intents.transition(intentId, payable, IntentStatus.REQUIRES_PAYMENT_METHOD, null,
                    "card_declined", "Your card was declined.", now);
            case AUTHENTICATES -> intents.transition(intentId, payable, IntentStatus.REQUIRES_ACTION, null, null, null,
                    now);
            default -> throw ApiException.validation("card_number", "use a sandbox test card: " + SUCCEEDS
                    + " succeeds, " + DECLINES + " is declined, " + AUTHENTICATES + " asks for authentication");
        };
        return afterMove(intentId, moved);
    }

    /** The customer completed (or failed) the authentication step the card asked for. */
    Intent authenticate(String intentId, String clientSecret, boolean completed) {
        intent(intentId, clientSecret);
        Instant now = Instant.now(clock);
        boolean moved = completed
                ? intents.transition(intentId, Set.of(IntentStatus.REQUIRES_ACTION), IntentStatus.SUCCEEDED, null, null,
                null, now)
                : intents.transition(intentId, Set.of(IntentStatus.REQUIRES_ACTION), IntentStatus.REQUIRES_PAYMENT_METHOD,
                null,
                "payment_intent_authentication_failure",
                "We are unable to authenticate your payment method. Please choose a different payment method.", now);
        return afterMove(intentId, moved);
    }

    private Intent afterMove(String intentId, boolean moved) {
        Intent intent = intents.find(intentId).orElseThrow();
        if (!moved) {
            throw ApiException.validation("payment_intent", "this payment is " + intent.status().wire()
                    + " and cannot take that step");
        }
        String body = event(intent);
        webhooks.accept(body, secret.sign(body));
        return intent;
    }

    /** The Stripe event for the intent's new status, in Stripe's shape and API version. */
    private String event(Intent intent) {
        String type = switch (intent.status()) {
            case SUCCEEDED -> "payment_intent.succeeded";
            case REQUIRES_ACTION -> "payment_intent.requires_action";
            default -> "payment_intent.payment_failed";
        };
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", intent.id());
        object.put("object", "payment_intent");
        object.put("amount", intent.amountMinor());
        object.put("currency", intent.currency().toLowerCase(java.util.Locale.ROOT));
        object.put("status", intent.status().wire());
        object.put("metadata", intent.metadata());
        object.put("last_payment_error", intent.failureCode() == null ? null
                : Map.of("type", "card_error", "code", intent.failureCode(), "message", intent.failureMessage()));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", Ids.newId("evt_sandbox"));
        event.put("object", "event");
        event.put("api_version", "2026-07-29.dahlia");
        event.put("created", Instant.now(clock).getEpochSecond());
        event.put("livemode", false);
        event.put("type", type);
        event.put("data", Map.of("object", object));
        return json.writeValueAsString(event);
    }
}
