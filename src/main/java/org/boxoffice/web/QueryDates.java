package org.boxoffice.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Dates in query parameters: a plain date, or a bound given as a UTC day or an instant. */
public final class QueryDates {
    private QueryDates() {
    }

    public static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, field + " must be a date as YYYY-MM-DD");
        }
    }

    /**
     * A range bound: a date is a whole UTC day (an {@code end} bound includes it), an instant is exact (an {@code end}
     * bound excludes it). Null stays null.
     */
    public static Instant bound(String field, String value, boolean end) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, field + " must be a date (YYYY-MM-DD) or an instant (ISO-8601 with Z)");
        }
    }
}
