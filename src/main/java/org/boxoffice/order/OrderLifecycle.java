package org.boxoffice.order;

import org.boxoffice.inventory.HoldService;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.Payments;
import org.boxoffice.shared.StateMachine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to an order after it is placed: the operator's fulfilment steps, cancellation with refund,
 * and expiry of undelivered transfers.
 */
@Service
public class OrderLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);
    private final OrderRepository orders;
    private final HoldService holds;
    private final Payments payments;
    private final TransactionTemplate transaction;
    private final OrderRefunds refunds;
    private final OrderTransitions transitions;

    OrderLifecycle(OrderRepository orders, HoldService holds,
                   Payments payments, TransactionTemplate transaction, OrderRefunds refunds, OrderTransitions transitions) {
        this.orders = orders;
        this.holds = holds;
        this.payments = payments;
        this.transaction = transaction;
        this.refunds = refunds;
        this.transitions = transitions;
    }

    public Order transferSent(String orderId) {
        return move(orderId, OrderStatus.TRANSFER_SENT, "mark as transfer sent");
    }

    public Order delivered(String orderId) {
        return move(orderId, OrderStatus.DELIVERED, "mark as delivered");
    }

    /**
     * Cancels and refunds what is left of the charge: the seats return to sale and the refund attempt is recorded in one
     * transaction; the provider is called after it commits; its answer is recorded by compare-and-set.
     */
    public Order cancel(String orderId) {
        PaymentAttempt refund = transaction.execute(status -> {
            Order order = move(orderId, OrderStatus.CANCELLED, "cancel");
            holds.release(orderId);
            return refunds.open(order, null);
        });
        if (refund != null) {
            payments.pay(refund);
        }
        return find(orderId);
    }

    /** Refunds part (or, without an amount, all that is left) of a captured order's charge; the order stays as it is. */
    public Order refund(String orderId, Long amountMinor) {
        Order order = find(orderId);
        if (order.paymentStatus() != PaymentStatus.CAPTURED) {
            throw OrderErrors.paymentConflict(order, "refund", StateMachine.sources(PaymentStatus.REFUNDED));
        }
        PaymentAttempt refund = transaction.execute(status -> refunds.open(order, amountMinor));
        if (refund != null) {
            payments.pay(refund);
        }
        return find(orderId);
    }

    @Scheduled(fixedDelayString = "${boxoffice.orders.expire-every:PT60S}", initialDelayString = "PT60S")
    @SchedulerLock(name = "orders.expire")
    public void scheduledExpiry() {
        expireOverdue();
    }

    /** Moves every undelivered order past its deadline to {@code transfer_expired}; safe on every node at once. */
    public int expireOverdue() {
        int expired = transitions.expireOverdue().size();
        if (expired > 0) {
            log.info("{} orders passed their delivery deadline undelivered", expired);
        }
        return expired;
    }

    private Order move(String orderId, OrderStatus to, String action) {
        if (!transitions.move(orderId, to, null)) {
            throw OrderErrors.statusConflict(find(orderId), action, StateMachine.sources(to));
        }
        return find(orderId);
    }

    private Order find(String orderId) {
        return orders.find(orderId).orElseThrow(() -> OrderErrors.notFound(orderId));
    }
}
