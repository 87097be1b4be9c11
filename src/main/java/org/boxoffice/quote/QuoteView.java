package org.boxoffice.quote;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.boxoffice.catalog.EventSummary;
import org.boxoffice.inventory.DeliveryType;
import org.boxoffice.shared.MoneyView;

/** A quote as partners see it (API.md §5). */
public record QuoteView(String quoteId, QuoteStatus status, Instant expiresAt, Instant createdAt, EventSummary event,
                        String sectionName, String sectionNameDisplay, String rowName, String rowNameDisplay,
                        List<String> seats, int quantity, MoneyView unitPrice, MoneyView fees, MoneyView totalPrice,
                        @ArraySchema(schema = @Schema(implementation = DeliveryType.class)) List<String> deliveryTypes) {

    public static QuoteView of(Quote q, EventSummary event, Instant now) {
        return new QuoteView(q.id(), q.status(now), q.expiresAt(), q.createdAt(), event, q.sectionName(),
                q.sectionDisplay(), q.rowName(), q.rowDisplay(), q.seats(), q.quantity(),
                MoneyView.of(q.unitPrice()), MoneyView.of(q.fees()), MoneyView.of(q.total()), q.deliveryTypes());
    }
}
