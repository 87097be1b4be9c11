package org.boxoffice.order;

import java.time.Instant;

/** An order made from a quote; seats, prices and names are the quote's. */
public record Order(String id, String partnerId, String quoteId, String eventId, OrderStatus status,
                    PaymentStatus paymentStatus, String deliveryType, Instant deliveryDeadline, String transferEmail,
                    Instant createdAt) {
}
