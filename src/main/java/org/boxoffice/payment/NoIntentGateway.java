package org.boxoffice.payment;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * With neither Stripe keys nor the sandbox (production without Stripe), merchant-of-record checkout is not possible:
 * {@code stripe_object} answers {@code 403 PAYMENT_NOT_CONFIGURED} and no call reaches this gateway.
 */
@Component
@ConditionalOnExpression("'${boxoffice.stripe.secret-key:}' == '' and !${boxoffice.sandbox.enabled:true}")
class NoIntentGateway implements IntentGateway {

    @Override
    public boolean configured() {
        return false;
    }

    @Override
    public String provider() {
        return "none";
    }

    @Override
    public String publishableKey() {
        throw unavailable();
    }

    @Override
    public Intent create(String idempotencyKey, long amountMinor, String currency, Map<String, String> metadata,
                         String receiptEmail, String description) {
        throw unavailable();
    }

    @Override
    public Optional<Intent> updateAmount(String intentId, long amountMinor) {
        throw unavailable();
    }

    @Override
    public Intent retrieve(String intentId) {
        throw unavailable();
    }

    @Override
    public Optional<Intent> cancel(String intentId) {
        throw unavailable();
    }

    @Override
    public Optional<String> checkoutUrl(Intent intent) {
        return Optional.empty();
    }

    private static IllegalStateException unavailable() {
        return new IllegalStateException("no PaymentIntent provider is configured");
    }
}
