package org.boxoffice.quote;

import java.time.Instant;
import java.util.List;
import org.boxoffice.shared.Money;

/** A priced hold on specific tickets for one partner, usable once before {@code expiresAt}. */
public record Quote(String id, String partnerId, String eventId, String sectionId, String rowId, String sectionName,
                    String sectionDisplay, String rowName, String rowDisplay, List<String> ticketIds, List<String> seats,
                    int quantity, Money unitPrice, Money fees, Money total, List<String> deliveryTypes,
                    boolean consumed, Instant expiresAt, Instant createdAt) {

    public String currency() {
        return total.currency();
    }

    /** What the tickets themselves cost: the total less the fees. */
    public Money tickets() {
        return total.minus(fees);
    }

    /** {@code active}, {@code consumed} or {@code expired}: expiry is read from the clock, never stored. */
    public QuoteStatus status(Instant now) {
        if (consumed) {
            return QuoteStatus.CONSUMED;
        }
        return now.isBefore(expiresAt) ? QuoteStatus.ACTIVE : QuoteStatus.EXPIRED;
    }
}
