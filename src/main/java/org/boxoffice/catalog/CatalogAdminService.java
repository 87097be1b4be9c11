package org.boxoffice.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.boxoffice.shared.Ids;
import org.boxoffice.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operators' writes to the catalogue: venues, performers, events with their sections and ranked rows. */
@Service
public class CatalogAdminService {
    static final String GA_ROW = "GA";
    private final VenueRepository venues;
    private final PerformerRepository performers;
    private final EventRepository events;
    private final SectionRepository sections;
    private final CatalogService catalog;
    private final Clock clock;

    CatalogAdminService(VenueRepository venues, PerformerRepository performers, EventRepository events,
                        SectionRepository sections, CatalogService catalog, Clock clock) {
        this.venues = venues;
        this.performers = performers;
        this.events = events;
        this.sections = sections;
        this.catalog = catalog;
        this.clock = clock;
    }

    public record NewRow(String name, String displayName, int rank) {
    }

    public record NewSection(String name, String displayName, boolean ga, List<NewRow> rows) {
    }

    public record NewEvent(String name, String venueId, Instant startsAt, String timezone, EventStatus status,
                           String currency, List<String> performerIds, List<NewSection> sections) {
    }

    public Venue createVenue(String name, String city, String state, String country, String timezone) {
        Venue venue = new Venue(Ids.newId("ven"), name, city, state, country, timezone);
        venues.insert(venue, Instant.now(clock));
        return venue;
    }

    public Performer createPerformer(String name) {
        Performer performer = new Performer(Ids.newId("prf"), name);
        performers.insert(performer, Instant.now(clock));
        return performer;
    }

    @Transactional
    public Event createEvent(NewEvent e) {
        Venue venue = catalog.venue(e.venueId());
        List<String> performerIds = e.performerIds() == null ? List.of() : e.performerIds().stream().distinct().toList();
        if (performers.countExisting(performerIds) != performerIds.size()) {
            throw ApiException.validation("performer_ids", "performer_ids names an unknown performer");
        }
        String id = Ids.newId("evt");
        String timezone = e.timezone() == null ? venue.timezone() : e.timezone();
        events.insert(new EventRepository.EventRow(id, e.name(), venue, e.startsAt(), timezone, e.status(), e.currency()),
                Instant.now(clock));
        performers.link(id, performerIds);
        List<NewSection> newSections = e.sections() == null ? List.of() : e.sections();
        requireUniqueNames(newSections.stream().map(NewSection::name).toList(), "sections");
        for (int i = 0; i < newSections.size(); i++) {
            sections.insert(section(id, newSections.get(i)), i);
        }
        return catalog.event(id);
    }

    @Transactional
    public Section addSection(String eventId, NewSection newSection) {
        List<Section> existing = catalog.sections(eventId);
        if (existing.stream().anyMatch(s -> s.name().equals(newSection.name()))) {
            throw ApiException.validation("name", "the event already has a section " + newSection.name());
        }
        Section section = section(eventId, newSection);
        sections.insert(section, sections.nextPosition(eventId));
        return section;
    }

    public Event setStatus(String eventId, EventStatus status) {
        if (!events.updateStatus(eventId, status)) {
            throw CatalogNotFound.event(eventId);
        }
        return catalog.event(eventId);
    }

    private static Section section(String eventId, NewSection s) {
        String sectionId = Ids.newId("sec");
        List<NewRow> newRows = s.rows() == null || s.rows().isEmpty()
                ? (s.ga() ? List.of(new NewRow(GA_ROW, "General Admission", 1)) : List.of())
                : s.rows();
        if (newRows.isEmpty()) {
            throw ApiException.validation("sections.rows", "seated section " + s.name() + " needs at least one row");
        }
        if (s.ga() && newRows.size() > 1) {
            throw ApiException.validation("sections.rows", "GA section " + s.name() + " has exactly one row");
        }
        requireUniqueNames(newRows.stream().map(NewRow::name).toList(), "sections.rows");
        List<Row> rows = new ArrayList<>();
        for (NewRow r : newRows) {
            rows.add(new Row(Ids.newId("row"), sectionId, r.name(), display(r.displayName(), "Row " + r.name()), r.rank()));
        }
        return new Section(sectionId, eventId, s.name(), display(s.displayName(), "Section " + s.name()), s.ga(), rows);
    }

    private static String display(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }

    private static void requireUniqueNames(List<String> names, String field) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw ApiException.validation(field, "duplicate name " + name);
            }
        }
    }
}
