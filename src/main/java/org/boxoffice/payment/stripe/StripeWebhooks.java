package org.boxoffice.payment.stripe;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.boxoffice.payment.IntentReported;
import org.boxoffice.payment.WebhookDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe events, from Stripe or from the sandbox: the signature is checked, each event id is processed once, and
 * a PaymentIntent event is reported to whoever owns the intent, who re-fetches it. Processing runs before the answer
 * (it takes milliseconds); if it fails the event is forgotten, so Stripe's retry processes it again.
 */
@Service
public class StripeWebhooks {
    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);
    private final StripeWebhookSecret secret;
    private final WebhookDeliveries deliveries;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    StripeWebhooks(StripeWebhookSecret secret, WebhookDeliveries deliveries, ApplicationEventPublisher events,
                   JsonMapper json, Clock clock) {
        this.secret = secret;
        this.deliveries = deliveries;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    public enum Outcome { PROCESSED, DUPLICATE, IGNORED, REJECTED }

    /** Checks and processes one delivery; a failure in processing propagates (and the event is not remembered). */
    public Outcome accept(String body, String signature) {
        if (!secret.valid(body, signature)) {
            return Outcome.REJECTED;
        }
        Map<?, ?> event;
        try {
            event = json.readValue(body, Map.class);
        } catch (JacksonException e) {
            return Outcome.REJECTED;
        }
        if (!(event.get("id") instanceof String eventId) || !(event.get("type") instanceof String type)) {
            return Outcome.REJECTED;
        }
        String intentId = type.startsWith("payment_intent.") ? intentId(event) : null;
        if (intentId == null) {
            return Outcome.IGNORED; // refunds and charges are tracked through our own payment attempts
        }
        if (!deliveries.firstTime("stripe", eventId, Instant.now(clock))) {
            return Outcome.DUPLICATE;
        }
        try {
            events.publishEvent(new IntentReported(intentId));
        } catch (RuntimeException e) {
            deliveries.forget("stripe", eventId);
            log.warn("stripe event {} ({}) could not be processed; Stripe will retry: {}", eventId, type, e.getMessage());
            throw e;
        }
        return Outcome.PROCESSED;
    }

    private static String intentId(Map<?, ?> event) {
        return event.get("data") instanceof Map<?, ?> data && data.get("object") instanceof Map<?, ?> object
                && "payment_intent".equals(object.get("object")) && object.get("id") instanceof String id ? id : null;
    }
}
