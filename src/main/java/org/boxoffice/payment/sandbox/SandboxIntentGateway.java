package org.boxoffice.payment.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import org.boxoffice.payment.IntentStatus;
import org.boxoffice.payment.IntentGateway;
import org.boxoffice.shared.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * PaymentIntents without Stripe keys: the customer pays on the sandbox checkout page ({@link #checkoutUrl}), with
 * Stripe's test cards, and the outcome comes back as a signed event through the Stripe webhook code.
 */
@Component
@ConditionalOnExpression("'${boxoffice.stripe.secret-key:}' == '' and ${boxoffice.sandbox.enabled:true}")
class SandboxIntentGateway implements IntentGateway {
    private final SandboxIntentRepository intents;
    private final Clock clock;
    private final String publicUrl;

    SandboxIntentGateway(SandboxIntentRepository intents, Clock clock, @Value("${boxoffice.public-url}") String publicUrl) {
        this.intents = intents;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @Override
    public String provider() {
        return "sandbox";
    }

    @Override
    public String publishableKey() {
        return "pk_sandbox";
    }

    /** The receipt e-mail is dropped: Boxoffice never stores it, and the sandbox sends no mail. */
    @Override
    public Intent create(String idempotencyKey, long amountMinor, String currency, Map<String, String> metadata,
                         String receiptEmail, String description) {
        String id = Ids.newId("pi_sandbox");
        return intents.create(idempotencyKey, id, id + "_secret_" + Ids.random(24), amountMinor, currency, metadata,
                Instant.now(clock));
    }

    @Override
    public Optional<Intent> updateAmount(String intentId, long amountMinor) {
        return intents.transition(intentId, Set.of(IntentStatus.REQUIRES_PAYMENT_METHOD),
                IntentStatus.REQUIRES_PAYMENT_METHOD, amountMinor,
                null, null, Instant.now(clock)) ? intents.find(intentId) : Optional.empty();
    }

    @Override
    public Intent retrieve(String intentId) {
        return intents.find(intentId).orElseThrow(() -> new Refused("sandbox: no payment intent " + intentId, null));
    }

    @Override
    public Optional<Intent> cancel(String intentId) {
        return intents.transition(intentId, IntentStatus.UNPAID, IntentStatus.CANCELED, null, null, null, Instant.now(clock))
                ? intents.find(intentId) : Optional.empty();
    }

    @Override
    public Optional<String> checkoutUrl(Intent intent) {
        // The client secret travels in the fragment, which browsers never send to a server or put in logs.
        return Optional.of(publicUrl + "/sandbox/checkout?payment_intent=" + intent.id() + "#" + intent.clientSecret());
    }
}
