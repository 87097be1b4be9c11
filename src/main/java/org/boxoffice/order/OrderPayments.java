package org.boxoffice.order;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.PaymentOutcome;
import org.boxoffice.payment.PaymentOwner;
import org.boxoffice.payment.PaymentSettled;
import org.boxoffice.quote.Quote;
import org.boxoffice.quote.QuoteService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What an order's charge and refunds do to it once their outcome is recorded, live or by reconciliation. */
@Component
class OrderPayments implements PaymentOwner {
    private final OrderRepository orders;
    private final OrderPlacement placement;
    private final OrderRefunds refunds;
    private final QuoteService quotes;

    OrderPayments(OrderRepository orders, OrderPlacement placement, OrderRefunds refunds, QuoteService quotes) {
        this.orders = orders;
        this.placement = placement;
        this.refunds = refunds;
        this.quotes = quotes;
    }

    @Override
    public Set<PaymentAttempt.OwnerKind> owns() {
        return EnumSet.of(PaymentAttempt.OwnerKind.ORDER);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<PaymentAttempt> settled(PaymentSettled settled) {
        PaymentAttempt attempt = settled.attempt();
        if (attempt.kind() == PaymentAttempt.Kind.REFUND) {
            refunds.apply(attempt, settled.outcome());
            return List.of();
        }
        Order order = orders.find(attempt.owner().id()).orElse(null);
        if (order == null) {
            return List.of(); // a declined order was already undone
        }
        switch (settled.outcome()) {
            case PaymentOutcome.Succeeded s -> placement.confirm(order, quote(order), attempt);
            case PaymentOutcome.Failed f when settled.late() -> placement.fail(order);
            case PaymentOutcome.Failed f -> placement.undo(order, quote(order));
            case PaymentOutcome.Unknown u -> {
            } // pending_payment, seats kept, until reconciliation asks the provider
        }
        return List.of();
    }

    private Quote quote(Order order) {
        return quotes.byIds(List.of(order.quoteId())).getFirst();
    }
}
