package org.boxoffice.partner;

import com.fasterxml.jackson.annotation.JsonValue;
import org.boxoffice.shared.WireEnum;

public enum PartnerStatus implements WireEnum {
    ACTIVE, SUSPENDED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }
}
