package org.boxoffice.payment;

/**
 * Published, inside the settling transaction, when reconciliation decides an attempt that had no answer,
 * so the feature that owns the order can finish it in the same transaction.
 */
public record PaymentSettled(PaymentAttempt attempt, PaymentOutcome outcome) {
}
