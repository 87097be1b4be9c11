package org.boxoffice.payment;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.boxoffice.shared.StateMachine;
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

    /** Pending until the provider answers; unknown when no answer came, until reconciliation asks the provider. */
    public enum Status implements StateMachine<Status> {
        PENDING, SUCCEEDED, FAILED, UNKNOWN;

        @Override
        public Set<Status> next() {
            return switch (this) {
                case PENDING -> EnumSet.of(SUCCEEDED, FAILED, UNKNOWN);
                case UNKNOWN -> EnumSet.of(SUCCEEDED, FAILED);
                case SUCCEEDED, FAILED -> EnumSet.noneOf(Status.class);
            };
        }

        @JsonValue
        @Override
        public String wire() {
            return StateMachine.super.wire();
        }
    }
}
