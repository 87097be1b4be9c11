package org.boxoffice.order;

import java.util.List;
import java.util.function.Predicate;
import org.boxoffice.billing.Ledger;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.PaymentOutcome;
import org.boxoffice.payment.Payments;
import org.boxoffice.shared.Money;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds of an order's charge, whole or in parts. Under the order's row lock the refundable amount is the charge less
 * every refund not failed, so concurrent refunds can never exceed what was charged. The order's payment reads
 * {@code refunded} once everything is refunded.
 */
@Component
class OrderRefunds {
    private final OrderRepository orders;
    private final Payments payments;
    private final Ledger ledger;
    private final OrderTransitions transitions;

    OrderRefunds(OrderRepository orders, Payments payments, Ledger ledger, OrderTransitions transitions) {
        this.orders = orders;
        this.payments = payments;
        this.ledger = ledger;
        this.transitions = transitions;
    }

    /** Records a refund of {@code amountMinor} (null: all that is left); null if nothing is left to refund. */
    @Transactional(propagation = Propagation.MANDATORY)
    PaymentAttempt open(Order order, Long amountMinor) {
        orders.lock(order.id());
        List<PaymentAttempt> attempts = payments.of(PaymentAttempt.Owner.order(order.id()));
        PaymentAttempt charge = charge(order.id(), attempts);
        long left = charge.amountMinor() - refunds(attempts, status -> status != PaymentAttempt.Status.FAILED);
        if (amountMinor == null) {
            return left == 0 ? null : open(order, charge, left);
        }
        if (amountMinor <= 0 || amountMinor > left) {
            throw ApiException.validation("amount", "amount must be more than 0 and at most "
                    + Money.of(left, charge.currency()).amount() + " " + charge.currency() + " (what is left to refund)");
        }
        return open(order, charge, amountMinor);
    }

    private PaymentAttempt open(Order order, PaymentAttempt charge, long amountMinor) {
        return payments.open(PaymentAttempt.Owner.order(order.id()), order.partnerId(), PaymentAttempt.Kind.REFUND,
                charge.provider(), charge.providerReference(), Money.of(amountMinor, charge.currency()),
                "Refund of order " + order.id());
    }

    /** The provider's answer to a refund: posted to the ledger, and the payment marked refunded once all is back. */
    @Transactional(propagation = Propagation.MANDATORY)
    void apply(PaymentAttempt refund, PaymentOutcome outcome) {
        if (outcome instanceof PaymentOutcome.Succeeded) {
            String orderId = refund.owner().id();
            ledger.recordRefund(refund.partnerId(), "order", orderId, refund.id(), refund.provider(), refund.amount());
            List<PaymentAttempt> attempts = payments.of(refund.owner());
            if (refunds(attempts, status -> status == PaymentAttempt.Status.SUCCEEDED)
                    >= charge(orderId, attempts).amountMinor()) {
                transitions.move(orderId, PaymentStatus.REFUNDED);
            }
        }
    }

    private static PaymentAttempt charge(String orderId, List<PaymentAttempt> attempts) {
        return attempts.stream()
                .filter(a -> a.kind() == PaymentAttempt.Kind.CHARGE && a.status() == PaymentAttempt.Status.SUCCEEDED)
                .findFirst().orElseThrow(() -> new ApiException(ErrorCode.ORDER_STATUS_CONFLICT,
                        "Order " + orderId + " has no captured charge to refund"));
    }

    /** The sum of the order's refunds whose status passes {@code counts}. */
    private static long refunds(List<PaymentAttempt> attempts, Predicate<PaymentAttempt.Status> counts) {
        return attempts.stream().filter(a -> a.kind() == PaymentAttempt.Kind.REFUND && counts.test(a.status()))
                .mapToLong(PaymentAttempt::amountMinor).sum();
    }
}
