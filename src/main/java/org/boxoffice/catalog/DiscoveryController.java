package org.boxoffice.catalog;

import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.ApiErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.boxoffice.catalog.CatalogViews.EventView;
import org.boxoffice.catalog.CatalogViews.PerformerView;
import org.boxoffice.catalog.CatalogViews.VenueView;
import org.boxoffice.partner.RequiresScope;
import org.boxoffice.partner.Scope;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.boxoffice.web.QueryDates;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Partner discovery: events, venues and performers (API.md §3). */
@RestController
@RequiresScope(Scope.EVENTS_READ)
class DiscoveryController {
    private final CatalogService catalog;
    private final AvailabilitySummaries availability;
    private final Clock clock;

    DiscoveryController(CatalogService catalog, AvailabilitySummaries availability, Clock clock) {
        this.catalog = catalog;
        this.availability = availability;
        this.clock = clock;
    }

    @GetMapping("/v1/events")
    Page<EventView> events(@RequestParam(required = false) String q,
                           @RequestParam(name = "venue_id", required = false) String venueId,
                           @RequestParam(name = "venue_name", required = false) String venueName,
                           @RequestParam(name = "performer_id", required = false) String performerId,
                           @RequestParam(name = "performer_name", required = false) String performerName,
                           @RequestParam(name = "date_from", required = false) String dateFrom,
                           @RequestParam(name = "date_to", required = false) String dateTo,
                           @RequestParam(required = false) EventStatus status,
                           PageRequest page) {
        LocalDate from = dateFrom == null ? LocalDate.now(clock) : QueryDates.date("date_from", dateFrom);
        LocalDate to = dateTo == null ? null : QueryDates.date("date_to", dateTo);
        if (to != null && to.isBefore(from)) {
            throw ApiException.validation("date_to", "date_to must not be before date_from");
        }
        EventSearch search = new EventSearch(blankToNull(q), blankToNull(venueId), blankToNull(venueName),
                blankToNull(performerId), blankToNull(performerName), from, to, status);
        Page<Event> events = catalog.events(search, page);
        Map<String, AvailabilitySummaries.Summary> summaries =
                availability.forEvents(events.items().stream().map(Event::id).toList());
        return events.map(e -> EventView.of(e, summaries.getOrDefault(e.id(), AvailabilitySummaries.Summary.NONE)));
    }

    @ApiErrors({ErrorCode.EVENT_NOT_FOUND})
    @GetMapping("/v1/events/{eventId}")
    EventView event(@PathVariable String eventId) {
        Event event = catalog.event(eventId);
        return EventView.of(event, availability.forEvents(List.of(eventId))
                .getOrDefault(eventId, AvailabilitySummaries.Summary.NONE));
    }

    @GetMapping("/v1/venues")
    Page<VenueView> venues(@RequestParam(required = false) String q, PageRequest page) {
        return catalog.venues(blankToNull(q), page).map(VenueView::of);
    }

    @ApiErrors({ErrorCode.VENUE_NOT_FOUND})
    @GetMapping("/v1/venues/{venueId}")
    VenueView venue(@PathVariable String venueId) {
        return VenueView.of(catalog.venue(venueId));
    }

    @GetMapping("/v1/performers")
    Page<PerformerView> performers(@RequestParam(required = false) String q, PageRequest page) {
        return catalog.performers(blankToNull(q), page).map(PerformerView::of);
    }

    @ApiErrors({ErrorCode.PERFORMER_NOT_FOUND})
    @GetMapping("/v1/performers/{performerId}")
    PerformerView performer(@PathVariable String performerId) {
        return PerformerView.of(catalog.performer(performerId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
