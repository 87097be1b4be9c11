package org.boxoffice.basket;

import java.time.Instant;
import java.util.List;
import org.boxoffice.shared.Money;

/** A partner's basket, its payment and its items (removed items excluded). */
public record Basket(String id, String partnerId, String currency, CheckoutStatus checkoutStatus, Instant createdAt,
                     Payment payment, List<Item> items) {

    /**
     * How the basket is paid: the provider, the PaymentIntent (merchant of record; {@code intentVersion} counts the
     * intents made, for idempotency keys), the amount asked, and the provider's reference of the payment once made.
     */
    public record Payment(String provider, String intentId, int intentVersion, Money amount, String reference,
                          Instant startedAt) {
        static final Payment NONE = new Payment(null, null, 0, null, null, null);
    }

    /** {@code status} is the stored one; {@link #status(Instant, boolean)} is what it reads now. */
    public record Item(String id, String basketId, String eventId, String sectionName, String rowName,
                       List<String> ticketIds, List<String> seats, int quantity, Money price, Money bookingFee,
                       ItemStatus status, Instant reservedUntil, Instant createdAt) {

        /**
         * A reserved item reads {@code booking} while its holds are kept for a pending payment, and {@code expired}
         * past {@code reserved_until} otherwise — the clock decides, no job.
         */
        public ItemStatus status(Instant now, boolean holdsKept) {
            if (status != ItemStatus.RESERVED) {
                return status;
            }
            if (holdsKept) {
                return ItemStatus.BOOKING;
            }
            return now.isBefore(reservedUntil) ? ItemStatus.RESERVED : ItemStatus.EXPIRED;
        }

        boolean reserved() {
            return status == ItemStatus.RESERVED;
        }

        Money total() {
            return price.plus(bookingFee);
        }
    }

    boolean pending() {
        return checkoutStatus == CheckoutStatus.CHECKOUT_PENDING;
    }

    boolean checkedOut() {
        return checkoutStatus.checkedOut();
    }

    /** Items still holding their tickets: reserved and unexpired, or reserved while the payment is pending. */
    List<Item> live(Instant now) {
        return items.stream().filter(i -> i.reserved() && (pending() || now.isBefore(i.reservedUntil()))).toList();
    }

    /** Items whose tickets the payment is for (stored as reserved; their holds were kept while it was pending). */
    List<Item> reserved() {
        return items.stream().filter(Item::reserved).toList();
    }
}
