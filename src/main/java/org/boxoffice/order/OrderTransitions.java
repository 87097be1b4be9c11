package org.boxoffice.order;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place an order changes state. Each move is a compare-and-set whose from-states come from the enums, in the
 * caller's transaction (or its own). The partner notifications of API.md §11 ({@code order.status_changed} with the
 * previous status, {@code order.refunded}) are to be written here, in that same transaction.
 */
@Component
class OrderTransitions {
    private final OrderRepository orders;
    private final Clock clock;

    OrderTransitions(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /** Moves the order (and its payment, when given); false if its states do not allow it, and nothing changed. */
    @Transactional
    boolean move(String orderId, OrderStatus to, PaymentStatus payment) {
        return orders.transition(orderId, to, payment, Instant.now(clock));
    }

    @Transactional
    boolean move(String orderId, PaymentStatus payment) {
        return orders.transition(orderId, payment, Instant.now(clock));
    }

    /** Every undelivered order past its deadline becomes {@code transfer_expired}; returns their ids. */
    @Transactional
    List<String> expireOverdue() {
        return orders.expireOverdue(Instant.now(clock));
    }
}
