package org.boxoffice.shared;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A status whose allowed moves are part of its type. Every transition is one compare-and-set
 * {@code UPDATE … SET status = :to WHERE status = ANY(:from)} with {@code from} = {@link #sources(Enum)}: the states
 * that may move to the target, so the row count decides and no caller lists from-states of its own.
 */
public interface StateMachine<S extends Enum<S> & StateMachine<S>> extends WireEnum {

    /** The states this one may move to (empty for a final state). */
    Set<S> next();

    /** A state that is only read (from the clock, or from a parent's state), never stored: nothing moves to it. */
    default boolean derived() {
        return false;
    }

    default boolean canMoveTo(S to) {
        return next().contains(to);
    }

    /** Every state allowed to move to {@code to}. */
    static <S extends Enum<S> & StateMachine<S>> Set<S> sources(S to) {
        EnumSet<S> from = EnumSet.noneOf(to.getDeclaringClass());
        Arrays.stream(to.getDeclaringClass().getEnumConstants()).filter(s -> s.canMoveTo(to)).forEach(from::add);
        return from;
    }

    /** The wire names of {@code states}, for a SQL array parameter. */
    static String[] wire(Collection<? extends WireEnum> states) {
        return states.stream().map(WireEnum::wire).toArray(String[]::new);
    }
}
