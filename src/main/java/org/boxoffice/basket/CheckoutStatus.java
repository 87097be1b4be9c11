package org.boxoffice.basket;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;
import org.boxoffice.shared.StateMachine;

/**
 * A basket's checkout. A failed payment may be tried again, or the basket changed (back to not checked out); a
 * payment that succeeds late, after a failure was reported, still books it.
 */
public enum CheckoutStatus implements StateMachine<CheckoutStatus> {
    NOT_CHECKED_OUT, CHECKOUT_PENDING, PAYMENT_FAILED, CHECKED_OUT, CHECKED_OUT_WITH_ERRORS;

    @Override
    public Set<CheckoutStatus> next() {
        return switch (this) {
            case NOT_CHECKED_OUT -> EnumSet.of(CHECKOUT_PENDING);
            case CHECKOUT_PENDING -> EnumSet.of(PAYMENT_FAILED, CHECKED_OUT, CHECKED_OUT_WITH_ERRORS);
            case PAYMENT_FAILED -> EnumSet.of(NOT_CHECKED_OUT, CHECKOUT_PENDING, CHECKED_OUT, CHECKED_OUT_WITH_ERRORS);
            case CHECKED_OUT, CHECKED_OUT_WITH_ERRORS -> EnumSet.noneOf(CheckoutStatus.class);
        };
    }

    /** Not paying and not done: the states a checkout may start from, and where an old intent may be closed. */
    static Set<CheckoutStatus> idle() {
        return StateMachine.sources(CHECKOUT_PENDING);
    }

    boolean checkedOut() {
        return this == CHECKED_OUT || this == CHECKED_OUT_WITH_ERRORS;
    }

    @JsonValue
    @Override
    public String wire() {
        return StateMachine.super.wire();
    }
}
