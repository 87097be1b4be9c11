package org.boxoffice.basket;

import java.time.Instant;
import java.util.List;

/** A partner's basket, its payment and its items (removed items excluded). */
public record Basket(String id, String partnerId, String currency, String checkoutStatus, Instant createdAt,
                     Payment payment, List<Item> items) {
    static final String NOT_CHECKED_OUT = "not_checked_out";
    static final String PENDING = "checkout_pending";
    static final String PAYMENT_FAILED = "payment_failed";
    static final String CHECKED_OUT = "checked_out";
    static final String CHECKED_OUT_WITH_ERRORS = "checked_out_with_errors";

    /**
     * How the basket is paid: the provider, the PaymentIntent (merchant of record; {@code intentVersion} counts the
     * intents made, for idempotency keys), the amount asked, and the provider's reference of the payment once made.
     */
    public record Payment(String provider, String intentId, int intentVersion, Long amountMinor, String reference,
                          Instant startedAt) {
        static final Payment NONE = new Payment(null, null, 0, null, null, null);
    }

    public record Item(String id, String basketId, String eventId, String sectionName, String rowName,
                       List<String> ticketIds, List<String> seats, int quantity, long priceMinor, long bookingFeeMinor,
                       String status, Instant reservedUntil, Instant createdAt) {

        /**
         * {@code expired} is a reserved item past {@code reserved_until} — the clock decides, no job — unless its
         * holds are kept while a payment is pending.
         */
        public String status(Instant now, boolean holdsKept) {
            return "reserved".equals(status) && !holdsKept && !now.isBefore(reservedUntil) ? "expired" : status;
        }

        long totalMinor() {
            return priceMinor + bookingFeeMinor;
        }
    }

    boolean pending() {
        return PENDING.equals(checkoutStatus);
    }

    boolean checkedOut() {
        return CHECKED_OUT.equals(checkoutStatus) || CHECKED_OUT_WITH_ERRORS.equals(checkoutStatus);
    }

    /** Items still holding their tickets: reserved and unexpired, or reserved while the payment is pending. */
    List<Item> live(Instant now) {
        return items.stream().filter(i -> "reserved".equals(i.status(now, pending()))).toList();
    }
}
