package org.boxoffice.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import org.boxoffice.catalog.EventSummary;
import org.boxoffice.inventory.DeliveryType;
import org.boxoffice.quote.Quote;
import org.boxoffice.shared.MoneyView;

/** An order as partners see it (API.md §6). */
public record OrderView(String orderId, OrderStatus status, String quoteId, EventSummary event, String sectionName,
                        String rowName, List<String> seats, int quantity, MoneyView unitPrice, MoneyView fees,
                        MoneyView totalPrice,
                        @Schema(implementation = DeliveryType.class) String deliveryType, Instant deliveryDeadline, String transferEmail,
                        Payment payment, Instant createdAt) {

    public record Payment(PaymentStatus status, MoneyView amount) {
    }

    public record TicketView(String ticketId, String section, String row, @Nullable String seat, String barcode,
                             String barcodeFormat, @Nullable String voucherUrl) {
    }

    static OrderView of(OrderService.Placed placed, EventSummary event) {
        Order o = placed.order();
        Quote q = placed.quote();
        MoneyView total = MoneyView.of(q.total());
        return new OrderView(o.id(), o.status(), q.id(), event, q.sectionName(), q.rowName(), q.seats(),
                q.quantity(), MoneyView.of(q.unitPrice()), MoneyView.of(q.fees()),
                total, o.deliveryType(), o.deliveryDeadline(), o.transferEmail(), new Payment(o.paymentStatus(), total),
                o.createdAt());
    }
}
