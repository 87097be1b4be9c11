package org.boxoffice.quote;

import java.time.Instant;
import java.util.List;

/** A priced hold on specific tickets for one partner, usable once before {@code expiresAt}. */
public record Quote(String id, String partnerId, String eventId, String sectionId, String rowId, String sectionName,
                    String sectionDisplay, String rowName, String rowDisplay, List<String> ticketIds, List<String> seats,
                    int quantity, long unitPriceMinor, long feesMinor, long totalMinor, String currency,
                    List<String> deliveryTypes, boolean consumed, Instant expiresAt, Instant createdAt) {

    /** {@code active}, {@code consumed} or {@code expired}: expiry is read from the clock, never stored. */
    public QuoteStatus status(Instant now) {
        if (consumed) {
            return QuoteStatus.CONSUMED;
        }
        return now.isBefore(expiresAt) ? QuoteStatus.ACTIVE : QuoteStatus.EXPIRED;
    }
}
