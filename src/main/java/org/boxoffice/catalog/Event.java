package org.boxoffice.catalog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** An event at a venue; {@code timezone} is the IANA zone its local time is shown in. */
public record Event(String id, String name, Venue venue, Instant startsAt, String timezone, EventStatus status,
                    String currency, List<Performer> performers) {

    public LocalDateTime localStart() {
        return LocalDateTime.ofInstant(startsAt, ZoneId.of(timezone));
    }
}
