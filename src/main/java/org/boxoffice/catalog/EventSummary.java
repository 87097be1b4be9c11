package org.boxoffice.catalog;

import java.time.Instant;
import java.time.LocalDateTime;

/** The event fields quotes, orders and basket items repeat, so a partner needs no second call. */
public record EventSummary(String eventId, String eventName, Instant eventDatetimeUtc, LocalDateTime eventDatetimeLocal,
                           String eventTimezone, String venueName) {

    public static EventSummary of(Event e) {
        return new EventSummary(e.id(), e.name(), e.startsAt(), e.localStart(), e.timezone(), e.venue().name());
    }
}
