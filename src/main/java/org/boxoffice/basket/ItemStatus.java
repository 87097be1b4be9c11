package org.boxoffice.basket;

import io.swagger.v3.oas.annotations.Hidden;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;
import org.boxoffice.shared.StateMachine;

/**
 * A basket item. Stored: reserved, then booked, errored (its tickets were gone after the payment) and refunded, or
 * expired when a checkout starts past its reservation, or removed by the partner. Read from the clock and the basket
 * as well: a reserved item past {@code reserved_until} reads {@code expired}, and one whose basket's payment is pending
 * reads {@code booking} (its tickets are kept until the payment has an answer).
 */
public enum ItemStatus implements StateMachine<ItemStatus> {
    RESERVED, EXPIRED, BOOKING, BOOKED, ERRORED, ERRORED_AND_REFUNDED,
    /** Taken out of the basket: never shown (removed items are not listed). */
    @Hidden REMOVED;

    @Override
    public Set<ItemStatus> next() {
        return switch (this) {
            case RESERVED -> EnumSet.of(BOOKED, ERRORED, EXPIRED, REMOVED);
            case EXPIRED -> EnumSet.of(REMOVED);
            case ERRORED -> EnumSet.of(ERRORED_AND_REFUNDED);
            case BOOKING, BOOKED, ERRORED_AND_REFUNDED, REMOVED -> EnumSet.noneOf(ItemStatus.class);
        };
    }

    @Override
    public boolean derived() {
        return this == BOOKING;
    }

    @JsonValue
    @Override
    public String wire() {
        return StateMachine.super.wire();
    }
}
