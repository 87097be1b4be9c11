package org.boxoffice.payment;

import java.util.List;
import java.util.Set;

/**
 * The feature that owns some kinds of payment attempt (orders, baskets, payouts). {@link Payments} hands it every
 * outcome of its attempts, live or found by reconciliation, inside the transaction that records the outcome: that is
 * the one place where the owner's state follows the money.
 */
public interface PaymentOwner {

    /** The owner kinds this feature answers for; every kind has exactly one owner. */
    Set<PaymentAttempt.OwnerKind> owns();

    /**
     * Applies the outcome to the owner, in the transaction that records it (so both commit or neither). Returns the
     * attempts it opened on the way, such as refunds of items that could not be booked: {@link Payments} makes them
     * after the commit, by the same path.
     */
    List<PaymentAttempt> settled(PaymentSettled settled);
}
