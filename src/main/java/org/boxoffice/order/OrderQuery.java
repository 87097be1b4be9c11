package org.boxoffice.order;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.boxoffice.shared.WireEnum;
import org.boxoffice.web.ApiException;

/** Parses the list filters of orders: a status, and creation bounds as dates (UTC) or instants. */
final class OrderQuery {
    private OrderQuery() {
    }

    static OrderStatus status(String value) {
        return value == null ? null : WireEnum.parse(OrderStatus.class, value).orElseThrow(() ->
                ApiException.validation("status", "status must be one of " + WireEnum.allowed(OrderStatus.class)));
    }

    /** {@code created_from}: a date means from its start. */
    static Instant from(String value) {
        return value == null ? null : parse("created_from", value, false);
    }

    /** {@code created_to}: a date is inclusive (up to its end); an instant is exclusive. */
    static Instant before(String value) {
        return value == null ? null : parse("created_to", value, true);
    }

    private static Instant parse(String field, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, field + " must be a date (YYYY-MM-DD) or an instant (ISO-8601 with Z)");
        }
    }
}
