package org.boxoffice.partner;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Token scopes. A partner gets all of them unless its token request asks for fewer. */
public final class Scope {
    public static final String EVENTS_READ = "events:read";
    public static final String QUOTES_WRITE = "quotes:write";
    public static final String ORDERS_WRITE = "orders:write";
    public static final String BASKETS_WRITE = "baskets:write";
    public static final String BILLING_READ = "billing:read";
    public static final Set<String> ALL = Set.of(EVENTS_READ, QUOTES_WRITE, ORDERS_WRITE, BASKETS_WRITE, BILLING_READ);
    static final String ALL_TEXT = String.join(" ", EVENTS_READ, QUOTES_WRITE, ORDERS_WRITE, BASKETS_WRITE, BILLING_READ);
    /** What each scope opens, for the OpenAPI document. */
    public static final Map<String, String> DESCRIPTIONS = Map.of(
            EVENTS_READ, "events, venues, performers, sections and rows",
            QUOTES_WRITE, "quotes",
            ORDERS_WRITE, "orders and their tickets",
            BASKETS_WRITE, "baskets, their items and checkout",
            BILLING_READ, "the ledger, balance and statements");

    private Scope() {
    }

    static Set<String> parse(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static String format(Set<String> scopes) {
        return String.join(" ", scopes);
    }
}
