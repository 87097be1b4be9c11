package org.boxoffice.payment;

import java.time.Instant;

/** One call to a payment provider, as recorded before it was made and settled after. */
public record PaymentAttempt(String id, String orderId, String partnerId, Kind kind, String provider,
                             String paymentMethod, long amountMinor, String currency, Status status,
                             String providerReference, String failureCode, String failureMessage, Instant createdAt) {

    public enum Kind { CHARGE, REFUND }

    public enum Status { PENDING, SUCCEEDED, FAILED, UNKNOWN }
}
