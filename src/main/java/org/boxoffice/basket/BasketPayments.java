package org.boxoffice.basket;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.boxoffice.payment.IntentGateway;
import org.boxoffice.payment.IntentReported;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.PaymentOwner;
import org.boxoffice.payment.PaymentSettled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment news for baskets: a provider's report on a customer's PaymentIntent, and the recorded outcome of a basket's
 * own attempts (the on-account charge, the refunds of items that could not be booked and of unclaimed payments).
 */
@Component
class BasketPayments implements PaymentOwner {
    private final BasketCheckout checkout;
    private final BasketBooking booking;
    private final IntentGateway intents;

    BasketPayments(BasketCheckout checkout, BasketBooking booking, IntentGateway intents) {
        this.checkout = checkout;
        this.booking = booking;
        this.intents = intents;
    }

    /** Never trusts the report: fetches the intent from the provider and acts on what it says now. */
    @EventListener
    void onIntentReported(IntentReported reported) {
        checkout.settle(intents.retrieve(reported.intentId()));
    }

    @Override
    public Set<PaymentAttempt.OwnerKind> owns() {
        return EnumSet.of(PaymentAttempt.OwnerKind.BASKET, PaymentAttempt.OwnerKind.BASKET_ITEM);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<PaymentAttempt> settled(PaymentSettled settled) {
        PaymentAttempt attempt = settled.attempt();
        if (attempt.owner().kind() == PaymentAttempt.OwnerKind.BASKET_ITEM) {
            booking.refunded(attempt, settled.outcome());
            return List.of();
        }
        return attempt.kind() == PaymentAttempt.Kind.CHARGE ? checkout.chargeAnswered(attempt, settled.outcome())
                : List.of(); // an unclaimed payment given back: the basket itself does not change
    }
}
