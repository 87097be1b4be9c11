package org.boxoffice.order;

import com.fasterxml.jackson.annotation.JsonValue;
import org.boxoffice.shared.WireEnum;

public enum OrderStatus implements WireEnum {
    PENDING_PAYMENT, CONFIRMED, TRANSFER_SENT, DELIVERED, TRANSFER_EXPIRED, CANCELLED, PAYMENT_FAILED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }
}
