package org.boxoffice.payment;

/**
 * An attempt's outcome, just recorded, as its {@link PaymentOwner} receives it. {@code late}: reconciliation found it
 * after the call had no answer (or its caller vanished), so nobody is waiting for it; a live decline can be undone
 * and told to the caller, a late one has to be recorded as a failure.
 */
public record PaymentSettled(PaymentAttempt attempt, PaymentOutcome outcome, boolean late) {
}
