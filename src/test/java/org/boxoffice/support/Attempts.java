package org.boxoffice.support;

import java.time.Instant;
import org.boxoffice.payment.PaymentAttempt;

/** Payment attempts as the payment code records them, for tests that call a gateway directly. */
public final class Attempts {
    private static final Instant MADE = Instant.parse("2026-12-01T10:00:00Z");

    private Attempts() {
    }

    public static PaymentAttempt charge(String id, String paymentMethod, long amountMinor, String currency,
                                        String description) {
        return new PaymentAttempt(id, PaymentAttempt.Owner.order("ord_of_" + id), "prt_1", PaymentAttempt.Kind.CHARGE,
                "test", paymentMethod, amountMinor, currency, description, PaymentAttempt.Status.PENDING, null, null,
                null, MADE);
    }

    public static PaymentAttempt refund(String id, String chargeReference, long amountMinor, String currency) {
        return new PaymentAttempt(id, PaymentAttempt.Owner.order("ord_of_" + id), "prt_1", PaymentAttempt.Kind.REFUND,
                "test", chargeReference, amountMinor, currency, "Refund", PaymentAttempt.Status.PENDING, null, null,
                null, MADE);
    }

    /** Payout {@code payoutId} to {@code destination}, sent as attempt {@code id}, made at {@code made}. */
    public static PaymentAttempt payout(String id, String payoutId, String destination, long amountMinor, String currency,
                                        Instant made) {
        return new PaymentAttempt(id, PaymentAttempt.Owner.payout(payoutId), "prt_1", PaymentAttempt.Kind.PAYOUT,
                "test", destination, amountMinor, currency, "Boxoffice payout " + payoutId, PaymentAttempt.Status.PENDING,
                null, null, null, made);
    }
}
