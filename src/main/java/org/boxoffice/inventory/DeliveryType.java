package org.boxoffice.inventory;

import com.fasterxml.jackson.annotation.JsonValue;
import org.boxoffice.shared.WireEnum;

public enum DeliveryType implements WireEnum {
    MOBILE_TRANSFER, MOBILE_QR, PDF;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }
}
