package org.boxoffice.partner;

import com.fasterxml.jackson.annotation.JsonValue;
import org.boxoffice.shared.WireEnum;

/** Who charges the end customer: the partner ({@code partner_billed}) or Boxoffice ({@code merchant_of_record}). */
public enum BillingModel implements WireEnum {
    PARTNER_BILLED, MERCHANT_OF_RECORD;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }
}
