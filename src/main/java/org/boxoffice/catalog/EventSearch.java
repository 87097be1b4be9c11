package org.boxoffice.catalog;

import java.time.LocalDate;

/** The filters of {@code GET /v1/events}; dates are the events' local dates, {@code dateFrom} inclusive, {@code dateTo} inclusive. */
public record EventSearch(String q, String venueId, String venueName, String performerId, String performerName,
                          LocalDate dateFrom, LocalDate dateTo, EventStatus status) {
}
