package org.boxoffice.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What selling needs of an event, read in one query: its state, currency, start and seating plan. */
public record EventLayout(String eventId, EventStatus status, Instant startsAt, String currency, List<Section> sections) {

    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Section requireSection(String name) {
        return section(name).orElseThrow(() -> CatalogNotFound.section(eventId, name));
    }
}
