package org.boxoffice.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.boxoffice.shared.Money;
import org.boxoffice.shared.StateMachine;

/** Money sent from a partner's balance to its payout method. */
public record Payout(String id, String partnerId, Money amount, String provider, String destination, Status status,
                     String providerReference, String failureCode, Instant createdAt) {

    /**
     * pending → in_transit → paid, or failed from any of them: an ACH payout can fail even after it was reported paid,
     * when the bank answers late. A failed payout gives its money back to the balance.
     */
    public enum Status implements StateMachine<Status> {
        PENDING, IN_TRANSIT, PAID, FAILED;

        @Override
        public Set<Status> next() {
            return switch (this) {
                case PENDING -> EnumSet.of(IN_TRANSIT, PAID, FAILED);
                case IN_TRANSIT -> EnumSet.of(PAID, FAILED);
                case PAID -> EnumSet.of(FAILED);
                case FAILED -> EnumSet.noneOf(Status.class);
            };
        }

        /** Under way: a partner with an open payout in a currency gets no second one. */
        static Set<Status> open() {
            return StateMachine.sources(PAID);
        }

        @JsonValue
        @Override
        public String wire() {
            return StateMachine.super.wire();
        }
    }
}
