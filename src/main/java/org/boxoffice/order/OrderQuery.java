package org.boxoffice.order;

import java.time.Instant;
import org.boxoffice.web.QueryDates;

/** Parses the list filters of orders: creation bounds as dates (UTC) or instants. */
final class OrderQuery {
    private OrderQuery() {
    }

    /** {@code created_from}: a date means from its start. */
    static Instant from(String value) {
        return QueryDates.bound("created_from", value, false);
    }

    /** {@code created_to}: a date is inclusive (up to its end); an instant is exclusive. */
    static Instant before(String value) {
        return QueryDates.bound("created_to", value, true);
    }
}
