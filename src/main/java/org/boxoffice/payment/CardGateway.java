package org.boxoffice.payment;

import java.util.Optional;

/**
 * A provider that charges a card on file and refunds charges. Every call carries our attempt id as the
 * idempotency key, so repeating it never charges twice. A call whose answer never came throws
 * {@link OutcomeUnknown}; {@link #lookup} later asks the provider what became of it.
 */
public interface CardGateway {

    /** The provider name stored with the payment method ("sandbox", "stripe"). */
    String provider();

    /** Charges the attempt's payment method for its amount, with its description, under its id as idempotency key. */
    ProviderResult charge(PaymentAttempt attempt);

    /** Refunds the attempt's amount of the charge it names ({@code paymentMethod}), under its id as idempotency key. */
    ProviderResult refund(PaymentAttempt attempt);

    /**
     * What became of a call whose answer was lost; empty if the provider never received it. Given the original request,
     * so a provider without a lookup by key can replay it under the same key: the same attempt makes the same request,
     * which is safe by construction.
     */
    Optional<ProviderResult> lookup(PaymentAttempt original);

    /** Read-only: what the provider records for the attempt, for reconciliation reports; empty if nothing. */
    Optional<ProviderResult> inspect(PaymentAttempt original);

    /** The provider's final word on one call. */
    record ProviderResult(boolean succeeded, String reference, String failureCode, String failureMessage) {

        public static ProviderResult succeeded(String reference) {
            return new ProviderResult(true, reference, null, null);
        }

        public static ProviderResult failed(String reference, String code, String message) {
            return new ProviderResult(false, reference, code, message);
        }
    }

    /** The provider did not answer in time (or the connection broke): the outcome is unknown, never guessed. */
    class OutcomeUnknown extends RuntimeException {
        public OutcomeUnknown(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
