package org.boxoffice.payment;

/**
 * A provider that sends money to a partner's bank account. Calls carry our payout id as idempotency key; a call
 * without an answer throws {@link CardGateway.OutcomeUnknown} and {@link #status} later tells what happened.
 */
public interface PayoutGateway {

    String provider();

    /** Asks the provider to pay; it answers accepted (on its way) or failed. */
    PayoutStatus send(String payoutId, String destination, long amountMinor, String currency);

    /** Where the payout made with this id stands at the provider; {@code NOT_FOUND} if it never received it. */
    PayoutStatus status(String payoutId);

    /** The provider's view of a payout. */
    record PayoutStatus(State state, String reference, String failureCode) {
        public enum State { IN_TRANSIT, PAID, FAILED, NOT_FOUND }
    }
}
