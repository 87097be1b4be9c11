package org.boxoffice.basket;

import java.time.Instant;
import java.util.List;

/** A partner's basket and its items (removed items excluded). */
public record Basket(String id, String partnerId, String currency, String checkoutStatus, Instant createdAt,
                     List<Item> items) {

    public record Item(String id, String basketId, String eventId, String sectionName, String rowName,
                       List<String> ticketIds, List<String> seats, int quantity, long priceMinor, long bookingFeeMinor,
                       String status, Instant reservedUntil, Instant createdAt) {

        /** {@code expired} is a reserved item past {@code reserved_until}; the clock decides, no job. */
        public String status(Instant now) {
            return "reserved".equals(status) && !now.isBefore(reservedUntil) ? "expired" : status;
        }
    }
}
