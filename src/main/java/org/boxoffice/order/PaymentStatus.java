package org.boxoffice.order;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;
import org.boxoffice.shared.StateMachine;

/** The order's charge: pending until the provider answers, then captured (later refunded, in full) or failed. */
public enum PaymentStatus implements StateMachine<PaymentStatus> {
    PENDING, CAPTURED, REFUNDED, FAILED;

    @Override
    public Set<PaymentStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(CAPTURED, FAILED);
            case CAPTURED -> EnumSet.of(REFUNDED);
            case REFUNDED, FAILED -> EnumSet.noneOf(PaymentStatus.class);
        };
    }

    @JsonValue
    @Override
    public String wire() {
        return StateMachine.super.wire();
    }
}
