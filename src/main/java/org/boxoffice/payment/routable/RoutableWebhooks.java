package org.boxoffice.payment.routable;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.boxoffice.payment.PayoutStatusReported;
import org.boxoffice.payment.WebhookDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routable webhook deliveries: checked, recorded once, then processed in the background (the answer must come within a
 * second): the thin event's payable is fetched and its status reported to whoever owns the payout.
 */
@Service
class RoutableWebhooks {
    private static final Logger log = LoggerFactory.getLogger(RoutableWebhooks.class);
    private final RoutableSettings settings;
    private final ObjectProvider<RoutablePayoutGateway> routable;
    private final WebhookDeliveries deliveries;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();

    RoutableWebhooks(RoutableSettings settings, ObjectProvider<RoutablePayoutGateway> routable,
                     WebhookDeliveries deliveries, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.routable = routable;
        this.deliveries = deliveries;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** False when the delivery is not genuine; a genuine one is taken (and processed unless seen before). */
    boolean accept(String body, String timestamp, String signature) {
        Instant now = Instant.now(clock);
        if (!RoutableSignature.valid(settings.webhookSecret(), timestamp, signature, body, now)) {
            return false;
        }
        if (deliveries.firstTime("routable", timestamp + ":" + signature, now)) {
            work.submit(() -> process(body));
        }
        return true;
    }

    private void process(String body) {
        try {
            Map<?, ?> event = json.readValue(body, Map.class);
            RoutablePayoutGateway gateway = routable.getIfAvailable();
            if (gateway == null || !"payable".equals(event.get("event_resource"))
                    || !(event.get("object_id") instanceof String payableId)) {
                return;
            }
            RoutablePayoutGateway.Fetched fetched = gateway.fetch(payableId);
            if (fetched.payoutId() != null) {
                events.publishEvent(new PayoutStatusReported(fetched.payoutId(), fetched.status()));
            }
        } catch (RuntimeException e) {
            log.warn("routable webhook could not be processed now; the payout sync will catch up: {}", e.getMessage());
        }
    }
}
