package org.boxoffice.payment;

/**
 * A provider that sends money to a partner's bank account. A payout is sent as a {@link PaymentAttempt} of kind
 * {@code payout}: its id is the idempotency key, its owner's id (the payout's) the provider's external id, by which
 * {@link #status} finds it again. A call without an answer throws {@link CardGateway.OutcomeUnknown}.
 */
public interface PayoutGateway {

    String provider();

    /** Asks the provider to pay the attempt's amount to its destination ({@code paymentMethod}): on its way, or failed. */
    PayoutStatus send(PaymentAttempt attempt);

    /** Where the payout made with this id stands at the provider; {@code NOT_FOUND} if it never received it. */
    PayoutStatus status(String payoutId);

    /** The provider's view of a payout. */
    record PayoutStatus(State state, String reference, String failureCode) {
        public enum State { IN_TRANSIT, PAID, FAILED, NOT_FOUND }
    }
}
