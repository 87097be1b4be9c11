package org.boxoffice.payment;

import jakarta.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.boxoffice.shared.Money;
import org.boxoffice.shared.StateMachine;
import org.boxoffice.shared.WireEnum;

/**
 * One call to a payment provider, as recorded before it was made and settled after: what it is for ({@code owner}),
 * and the request itself (method or charge reference, amount, currency, description), so that a replay after a lost
 * answer sends exactly what was sent first.
 */
public record PaymentAttempt(String id, Owner owner, String partnerId, Kind kind, String provider,
                             String paymentMethod, @JsonIgnore Money amount, String description, Status status,
                             @Nullable String providerReference, @Nullable String failureCode,
                             @Nullable String failureMessage, Instant createdAt) {

    /** The amount in minor units, as providers are sent it (and as the operator API shows it). */
    @JsonProperty("amount_minor")
    public long amountMinor() {
        return amount.minor();
    }

    @JsonProperty("currency")
    public String currency() {
        return amount.currency();
    }

    /** What the money is for: the feature that owns the attempt acts on its outcome. */
    public record Owner(OwnerKind kind, String id) {

        public static Owner order(String orderId) {
            return new Owner(OwnerKind.ORDER, orderId);
        }

        public static Owner basket(String basketId) {
            return new Owner(OwnerKind.BASKET, basketId);
        }

        public static Owner basketItem(String itemId) {
            return new Owner(OwnerKind.BASKET_ITEM, itemId);
        }

        public static Owner payout(String payoutId) {
            return new Owner(OwnerKind.PAYOUT, payoutId);
        }
    }

    public enum OwnerKind implements WireEnum {
        ORDER, BASKET, BASKET_ITEM, PAYOUT;

        @JsonValue
        @Override
        public String wire() {
            return WireEnum.super.wire();
        }
    }

    /** A card charge, a refund of one ({@code paymentMethod} names the charge), or a payout to a bank account. */
    public enum Kind implements WireEnum {
        CHARGE, REFUND, PAYOUT;

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
