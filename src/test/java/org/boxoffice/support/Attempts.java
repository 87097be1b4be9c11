package org.boxoffice.support;

import java.time.Instant;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.shared.Money;

/** Payment attempts as the payment code records them, for tests that call a gateway directly. */
public final class Attempts {
    private static final Instant MADE = Instant.parse("2026-12-01T10:00:00Z");

    private Attempts() {
    }

    public static PaymentAttempt charge(String id, String paymentMethod, long amountMinor, String currency,
                                        String description) {
        return new PaymentAttempt(id, PaymentAttempt.Owner.order("ord_of_" + id), "prt_1", PaymentAttempt.Kind.CHARGE,
                "test", paymentMethod, Money.of(amountMinor, currency), description, PaymentAttempt.Status.PENDING, null, null,
                null, MADE);
    }

    public static PaymentAttempt refund(String id, String chargeReference, long amountMinor, String currency) {
        return new PaymentAttempt(id, PaymentAttempt.Owner.order("ord_of_" + id), "prt_1", PaymentAttempt.Kind.REFUND,
                "test", chargeReference, Money.of(amountMinor, currency), "Refund", PaymentAttempt.Status.PENDING, null, null,
                null, MADE);
    }

    /** Payout {@code payoutId} to {@code destination}, sent as attempt {@code id}, made at {@code made}. */
    public static PaymentAttempt payout(String id, String payoutId, String destination, long amountMinor, String currency,
                                        Instant made) {
        return new PaymentAttempt(id, PaymentAttempt.Owner.payout(payoutId), "prt_1", PaymentAttempt.Kind.PAYOUT,
                "test", destination, Money.of(amountMinor, currency), "Boxoffice payout " + payoutId, PaymentAttempt.Status.PENDING,
                null, null, null, made);
    }

    /** A Stripe charge of order {@code orderId} made at {@code made} whose answer never came. */
    public static PaymentAttempt lostCharge(String id, String orderId, long amountMinor, Instant made) {
        return new PaymentAttempt(id, PaymentAttempt.Owner.order(orderId), "prt_1", PaymentAttempt.Kind.CHARGE, "stripe",
                "cus_A:pm_B", Money.of(amountMinor, "USD"), "Boxoffice order " + orderId, PaymentAttempt.Status.UNKNOWN,
                null, null, null, made);
    }
}
