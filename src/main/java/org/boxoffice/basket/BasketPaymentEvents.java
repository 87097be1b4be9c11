package org.boxoffice.basket;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.boxoffice.payment.IntentGateway;
import org.boxoffice.payment.IntentReported;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.PaymentSettled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Payment news for baskets: a provider's report on an intent, and reconciliation settling a basket's attempts. */
@Component
class BasketPaymentEvents {
    private final BasketCheckout checkout;
    private final BasketBooking booking;
    private final IntentGateway intents;
    private final ExecutorService afterCommit = Executors.newVirtualThreadPerTaskExecutor();

    BasketPaymentEvents(BasketCheckout checkout, BasketBooking booking, IntentGateway intents) {
        this.checkout = checkout;
        this.booking = booking;
        this.intents = intents;
    }

    /** Never trusts the report: fetches the intent from the provider and acts on what it says now. */
    @EventListener
    void onIntentReported(IntentReported reported) {
        checkout.settle(intents.retrieve(reported.intentId()));
    }

    /** Reconciliation answered a basket's charge (on account) or an item's refund, inside its transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void onPaymentSettled(PaymentSettled settled) {
        PaymentAttempt attempt = settled.attempt();
        PaymentAttempt.OwnerKind owner = attempt.owner().kind();
        if (attempt.kind() == PaymentAttempt.Kind.REFUND && owner == PaymentAttempt.OwnerKind.BASKET_ITEM) {
            booking.refunded(attempt, settled.outcome());
        } else if (attempt.kind() == PaymentAttempt.Kind.CHARGE && owner == PaymentAttempt.OwnerKind.BASKET) {
            List<PaymentAttempt> refunds = checkout.chargeAnswered(attempt, settled.outcome());
            if (!refunds.isEmpty()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        afterCommit.submit(() -> booking.refund(refunds));
                    }
                });
            }
        }
    }
}
