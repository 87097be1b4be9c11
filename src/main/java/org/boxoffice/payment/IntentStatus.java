package org.boxoffice.payment;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;
import org.boxoffice.shared.WireEnum;

/** A PaymentIntent's status, as Stripe names them (the sandbox speaks the same). */
public enum IntentStatus implements WireEnum {
    REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION, PROCESSING, REQUIRES_CAPTURE, CANCELED, SUCCEEDED;

    /** The customer can still pay it (or pay again after a decline). */
    public static final Set<IntentStatus> UNPAID = EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION,
            REQUIRES_ACTION);

    /** A status the provider adds later is read as still in progress: never as paid, never as failed. */
    public static IntentStatus of(String value) {
        return WireEnum.parse(IntentStatus.class, value).orElse(PROCESSING);
    }

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }
}
