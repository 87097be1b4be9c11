package org.boxoffice.payment;

/** A payout provider told us (by webhook) where one of our payouts stands. */
public record PayoutStatusReported(String payoutId, PayoutGateway.PayoutStatus status) {
}
