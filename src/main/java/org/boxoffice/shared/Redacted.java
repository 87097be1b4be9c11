package org.boxoffice.shared;

/**
 * What a secret looks like in a {@code toString()}: records that carry one (client secrets, tokens, payment intent
 * secrets) print this instead, because frameworks log the values they read and write (Spring MVC at DEBUG/TRACE).
 */
public final class Redacted {
    public static final String MARK = "[REDACTED]";

    private Redacted() {
    }
}
