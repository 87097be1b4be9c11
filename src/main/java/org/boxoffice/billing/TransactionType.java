package org.boxoffice.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import org.boxoffice.shared.WireEnum;

public enum TransactionType implements WireEnum {
    CHARGE, REFUND, COMMISSION, PAYOUT, ADJUSTMENT;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }
}
