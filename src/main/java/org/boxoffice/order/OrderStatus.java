package org.boxoffice.order;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;
import org.boxoffice.shared.StateMachine;

/**
 * An order's fulfilment: {@code pending_payment} until the charge has an answer, then confirmed → transfer_sent →
 * delivered, or transfer_expired past the delivery deadline; operators may cancel (with a refund) until delivery.
 */
public enum OrderStatus implements StateMachine<OrderStatus> {
    PENDING_PAYMENT, CONFIRMED, TRANSFER_SENT, DELIVERED, TRANSFER_EXPIRED, CANCELLED, PAYMENT_FAILED;

    @Override
    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING_PAYMENT -> EnumSet.of(CONFIRMED, PAYMENT_FAILED);
            case CONFIRMED -> EnumSet.of(TRANSFER_SENT, DELIVERED, TRANSFER_EXPIRED, CANCELLED);
            case TRANSFER_SENT -> EnumSet.of(DELIVERED, TRANSFER_EXPIRED, CANCELLED);
            case TRANSFER_EXPIRED -> EnumSet.of(CANCELLED);
            case DELIVERED, CANCELLED, PAYMENT_FAILED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    @JsonValue
    @Override
    public String wire() {
        return StateMachine.super.wire();
    }
}
