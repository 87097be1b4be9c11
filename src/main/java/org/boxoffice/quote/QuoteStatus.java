package org.boxoffice.quote;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;
import org.boxoffice.shared.StateMachine;

/**
 * A quote: stored active or consumed; an active quote past {@code expires_at} reads {@code expired} (the clock decides,
 * never a job). An order consumes it once; a declined charge gives it back (consumed → active).
 */
public enum QuoteStatus implements StateMachine<QuoteStatus> {
    ACTIVE, CONSUMED, EXPIRED;

    @Override
    public Set<QuoteStatus> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(CONSUMED);
            case CONSUMED -> EnumSet.of(ACTIVE);
            case EXPIRED -> EnumSet.noneOf(QuoteStatus.class);
        };
    }

    @Override
    public boolean derived() {
        return this == EXPIRED;
    }

    @JsonValue
    @Override
    public String wire() {
        return StateMachine.super.wire();
    }
}
