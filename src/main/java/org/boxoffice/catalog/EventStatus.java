package org.boxoffice.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import org.boxoffice.shared.WireEnum;

public enum EventStatus implements WireEnum {
    ON_SALE, OFF_SALE, CANCELLED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }
}
