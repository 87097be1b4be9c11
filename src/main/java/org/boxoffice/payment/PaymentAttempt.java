package org.boxoffice.payment;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import org.boxoffice.shared.WireEnum;

/** One call to a payment provider, as recorded before it was made and settled after. */
public record PaymentAttempt(String id, String orderId, String partnerId, Kind kind, String provider,
                             String paymentMethod, long amountMinor, String currency, Status status,
                             @Nullable String providerReference, @Nullable String failureCode,
                             @Nullable String failureMessage, Instant createdAt) {

    public enum Kind implements WireEnum {
        CHARGE, REFUND;

        @JsonValue
        @Override
        public String wire() {
            return WireEnum.super.wire();
        }
    }

    public enum Status implements WireEnum {
        PENDING, SUCCEEDED, FAILED, UNKNOWN;

        @JsonValue
        @Override
        public String wire() {
            return WireEnum.super.wire();
        }
    }
}
