package org.boxoffice.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import java.util.Map;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.springframework.stereotype.Service;

/** Read side of the catalogue, for partners and for the features that build on events (inventory, quotes). */
@Service
public class CatalogService {
    private final VenueRepository venues;
    private final PerformerRepository performers;
    private final EventRepository events;
    private final SeatingPlans plans;
    private final Cache<String, EventSummary> summaries =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(Duration.ofHours(1)).build();

    CatalogService(VenueRepository venues, PerformerRepository performers, EventRepository events, SeatingPlans plans) {
        this.venues = venues;
        this.performers = performers;
        this.events = events;
        this.plans = plans;
    }

    public Venue venue(String id) {
        return venues.find(id).orElseThrow(() -> CatalogNotFound.venue(id));
    }

    public Page<Venue> venues(String q, PageRequest page) {
        return new Page<>(venues.search(q, page.limit(), page.offset()), venues.count(q), page);
    }

    public Performer performer(String id) {
        return performers.find(id).orElseThrow(() -> CatalogNotFound.performer(id));
    }

    public Page<Performer> performers(String q, PageRequest page) {
        return new Page<>(performers.search(q, page.limit(), page.offset()), performers.count(q), page);
    }

    public Event event(String id) {
        EventRepository.EventRow row = events.find(id).orElseThrow(() -> CatalogNotFound.event(id));
        return withPerformers(List.of(row)).getFirst();
    }

    /**
     * What quotes, orders and basket items repeat of their event. Those facts never change once the event exists (only
     * its status does, and that is not among them), so each node remembers them: a quote or order view does not ask
     * the database again for an event it has shown before.
     */
    public EventSummary summary(String id) {
        return summaries.get(id, key -> EventSummary.of(eventOnly(key)));
    }

    /** The event without its performers, in one query: enough for a voucher to show it. */
    public Event eventOnly(String id) {
        EventRepository.EventRow e = events.find(id).orElseThrow(() -> CatalogNotFound.event(id));
        return new Event(e.id(), e.name(), e.venue(), e.startsAt(), e.timezone(), e.status(), e.currency(), List.of());
    }

    public Page<Event> events(EventSearch search, PageRequest page) {
        EventRepository.Found found = events.search(search, page.limit(), page.offset());
        return new Page<>(withPerformers(found.rows()), found.total(), page);
    }

    /** State, currency and seating plan of an existing event; {@code EVENT_NOT_FOUND} otherwise. */
    public EventLayout layout(String eventId) {
        return plans.layout(eventId).orElseThrow(() -> CatalogNotFound.event(eventId));
    }

    /** The event's section with the event's currency: {@code EVENT_NOT_FOUND} or {@code SECTION_NOT_FOUND} otherwise. */
    public SectionPlan sectionPlan(String eventId, String sectionName) {
        return plans.section(eventId, sectionName).orElseThrow(() -> CatalogNotFound.event(eventId));
    }

    /**
     * The event, section and (when named) row to hold tickets in, checked to be on sale at {@code now}:
     * {@code EVENT_NOT_FOUND}, {@code SECTION_NOT_FOUND}, {@code ROW_NOT_FOUND} or {@code EVENT_NOT_ON_SALE} otherwise.
     */
    public SaleTarget saleTarget(String eventId, String sectionName, String rowName, Instant now) {
        EventLayout event = layout(eventId);
        Section section = event.requireSection(sectionName);
        Optional<Row> row = Optional.ofNullable(rowName).map(name -> section.row(name)
                .orElseThrow(() -> CatalogNotFound.row(section.name(), name)));
        if (event.status() != EventStatus.ON_SALE || !now.isBefore(event.startsAt())) {
            throw new ApiException(ErrorCode.EVENT_NOT_ON_SALE, "Event " + eventId
                    + " is not on sale (" + (event.status() != EventStatus.ON_SALE ? event.status().wire() : "started") + ")");
        }
        return new SaleTarget(event, section, row);
    }

    /** The sections of an existing event with their rows; {@code EVENT_NOT_FOUND} otherwise. */
    public List<Section> sections(String eventId) {
        return layout(eventId).sections();
    }

    private List<Event> withPerformers(List<EventRepository.EventRow> rows) {
        Map<String, List<Performer>> billing = rows.isEmpty() ? Map.of()
                : performers.ofEvents(rows.stream().map(EventRepository.EventRow::id).toList());
        return rows.stream().map(e -> new Event(e.id(), e.name(), e.venue(), e.startsAt(), e.timezone(), e.status(),
                e.currency(), billing.getOrDefault(e.id(), List.of()))).toList();
    }
}
