package org.boxoffice.basket;

import java.time.Clock;
import java.time.Instant;
import org.boxoffice.shared.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place a basket or an item changes state. Each move is a compare-and-set whose from-states come from the
 * enums, inside the caller's transaction (under the basket's lock). The partner notifications of API.md §11
 * ({@code basket.checked_out}, {@code basket.payment_failed}) are to be written here, in that same transaction.
 */
@Component
class BasketTransitions {
    private final BasketRepository baskets;
    private final Clock clock;

    BasketTransitions(BasketRepository baskets, Clock clock) {
        this.baskets = baskets;
        this.clock = clock;
    }

    /** The checkout starts: the basket is pending, paid {@code paidBy} through {@code provider} for {@code amount}. */
    @Transactional(propagation = Propagation.MANDATORY)
    void startCheckout(Basket basket, BasketBooking.Paid paidBy, String provider, Money amount, int intentVersion) {
        if (!baskets.startCheckout(basket.id(), paidBy, provider, amount.minor(), intentVersion, Instant.now(clock))) {
            throw new IllegalStateException("basket " + basket.id() + " cannot start a checkout from "
                    + basket.checkoutStatus().wire());
        }
    }

    /** Moves the basket; false if its status does not allow it, and nothing changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean move(Basket basket, CheckoutStatus to, String paymentReference) {
        return baskets.transition(basket.id(), to, paymentReference, Instant.now(clock));
    }

    /** Moves an item; false if its status does not allow it, and nothing changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean move(String itemId, ItemStatus to) {
        return baskets.transition(itemId, to);
    }

    /** Reserved items past their reservation become {@code expired} for good (checkout is starting without them). */
    @Transactional(propagation = Propagation.MANDATORY)
    void expireItems(Basket basket) {
        baskets.expireItems(basket.id(), Instant.now(clock));
    }
}
