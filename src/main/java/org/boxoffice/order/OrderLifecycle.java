package org.boxoffice.order;

import java.util.List;
import org.boxoffice.inventory.HoldService;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.PaymentOutcome;
import org.boxoffice.payment.PaymentSettled;
import org.boxoffice.payment.Payments;
import org.boxoffice.quote.QuoteService;
import org.boxoffice.shared.StateMachine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to an order after it is placed: the operator's fulfilment steps, cancellation with refund,
 * expiry of undelivered transfers, and the outcome of payments that reconciliation settled.
 */
@Service
public class OrderLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);
    private final OrderRepository orders;
    private final OrderPlacement placement;
    private final QuoteService quotes;
    private final HoldService holds;
    private final Payments payments;
    private final TransactionTemplate transaction;
    private final OrderRefunds refunds;
    private final OrderTransitions transitions;

    OrderLifecycle(OrderRepository orders, OrderPlacement placement, QuoteService quotes, HoldService holds,
                   Payments payments, TransactionTemplate transaction, OrderRefunds refunds, OrderTransitions transitions) {
        this.orders = orders;
        this.placement = placement;
        this.quotes = quotes;
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
            settle(refund);
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
            settle(refund);
        }
        return find(orderId);
    }

    private void settle(PaymentAttempt refund) {
        PaymentOutcome outcome = payments.call(refund);
        transaction.executeWithoutResult(status -> {
            if (payments.settle(refund, outcome)) {
                refunds.apply(refund, outcome);
            }
        });
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

    /** Reconciliation decided a payment that had no answer: finish the order in the same transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onPaymentSettled(PaymentSettled settled) {
        PaymentAttempt attempt = settled.attempt();
        if (attempt.owner().kind() != PaymentAttempt.OwnerKind.ORDER) {
            return;
        }
        if (attempt.kind() == PaymentAttempt.Kind.REFUND) {
            refunds.apply(attempt, settled.outcome());
            return;
        }
        Order order = orders.find(attempt.owner().id()).orElse(null);
        if (order == null) {
            return; // a declined order was already undone
        }
        switch (settled.outcome()) {
            case PaymentOutcome.Succeeded s -> placement.confirm(order, quotes.byIds(List.of(order.quoteId())).getFirst(),
                    attempt);
            case PaymentOutcome.Failed f -> {
                if (transitions.move(order.id(), OrderStatus.PAYMENT_FAILED, PaymentStatus.FAILED)) {
                    holds.release(order.id());
                }
            }
            case PaymentOutcome.Unknown u -> {
            }
        }
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
