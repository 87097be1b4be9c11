package org.boxoffice.payment;

import java.util.Map;
import org.boxoffice.shared.Money;
import java.util.Optional;
import org.boxoffice.shared.Redacted;

/**
 * A provider of PaymentIntents: payments the end customer confirms on the partner's page (merchant of record).
 * Stripe in production, the sandbox otherwise. Failures to reach the provider throw {@link CardGateway.OutcomeUnknown}:
 * the caller retries; every create carries our idempotency key, so a retry never makes a second intent.
 */
public interface IntentGateway {

    /** The provider name, as for {@link CardGateway#provider()}: refunds go through the card gateway of that name. */
    String provider();

    /** False when this server has no provider for PaymentIntents (production without Stripe keys). */
    default boolean configured() {
        return true;
    }

    /** The key the partner's page gives Stripe.js. */
    String publishableKey();

    Intent create(String idempotencyKey, long amountMinor, String currency, Map<String, String> metadata,
                  String receiptEmail, String description);

    /** Changes the amount of an intent not yet paid; empty when the provider refuses (it is past that). */
    Optional<Intent> updateAmount(String intentId, long amountMinor);

    Intent retrieve(String intentId);

    /** Cancels an unpaid intent; empty when the provider refuses because it is past that (paid, or cancelled). */
    Optional<Intent> cancel(String intentId);

    /** Where the customer pays when there is no partner page of its own (the sandbox's checkout page). */
    Optional<String> checkoutUrl(Intent intent);

    /** The provider refused the request itself (invalid amount, wrong keys): retrying the same will not help. */
    class Refused extends RuntimeException {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A PaymentIntent as the provider reports it; statuses are Stripe's. */
    record Intent(String id, String clientSecret, IntentStatus status, long amountMinor, String currency,
                  Map<String, String> metadata, String failureCode, String failureMessage) {

        @Override
        public String toString() {
            return "Intent[" + id + ", clientSecret=" + Redacted.MARK + ", " + status + ", " + amountMinor + " " + currency
                    + ", " + metadata + "]";
        }

        public Money amount() {
            return Money.of(amountMinor, currency);
        }

        public boolean succeeded() {
            return status == IntentStatus.SUCCEEDED;
        }

        /** The last attempt failed (and the customer may try again), or the intent was cancelled. */
        public boolean failed() {
            return status == IntentStatus.CANCELED || status == IntentStatus.REQUIRES_PAYMENT_METHOD && failureCode != null;
        }

        public boolean open() {
            return !succeeded() && status != IntentStatus.CANCELED;
        }
    }
}
