package org.boxoffice.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.ApiErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.boxoffice.catalog.CatalogViews.AdminEventView;
import org.boxoffice.catalog.CatalogViews.EventView;
import org.boxoffice.catalog.CatalogViews.PerformerView;
import org.boxoffice.catalog.CatalogViews.SectionView;
import org.boxoffice.catalog.CatalogViews.VenueView;
import org.boxoffice.shared.Money;
import org.boxoffice.shared.WireEnum;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator API for the catalogue: venues, performers, events, sections and rows, event status. */
@RestController
@RequestMapping("/admin/v1")
class AdminCatalogController {
    private final CatalogAdminService admin;
    private final CatalogService catalog;
    private final AvailabilitySummaries availability;

    AdminCatalogController(CatalogAdminService admin, CatalogService catalog, AvailabilitySummaries availability) {
        this.admin = admin;
        this.catalog = catalog;
        this.availability = availability;
    }

    record CreateVenue(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String city,
                       @Size(max = 100) String state, @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
                       @NotBlank String timezone) {
    }

    record CreatePerformer(@NotBlank @Size(max = 200) String name) {
    }

    record RowRequest(@NotBlank @Size(max = 20) String name, @Size(max = 100) String displayName,
                      @NotNull @Min(1) @Max(10_000) Integer rank) {
    }

    record SectionRequest(@NotBlank @Size(max = 50) @Pattern(regexp = "[^/]+") String name,
                          @Size(max = 100) String displayName, Boolean isGa,
                          @Size(max = 500) List<@Valid RowRequest> rows) {
    }

    /** Start as {@code event_datetime_local} (+ optional {@code event_timezone}, default the venue's) or as UTC. */
    record CreateEvent(@NotBlank @Size(max = 300) String name, @NotBlank String venueId,
                       LocalDateTime eventDatetimeLocal, String eventTimezone, Instant eventDatetimeUtc,
                       @Schema(implementation = EventStatus.class) String status, String currency, @Size(max = 50) List<String> performerIds,
                       @Size(max = 500) List<@Valid SectionRequest> sections) {
    }

    record StatusRequest(@NotBlank @Schema(implementation = EventStatus.class) String status) {
    }

    @PostMapping("/venues")
    @ResponseStatus(HttpStatus.CREATED)
    VenueView createVenue(@Valid @RequestBody CreateVenue r) {
        return VenueView.of(admin.createVenue(r.name().trim(), r.city().trim(), r.state(), r.country(), zone(r.timezone()).getId()));
    }

    @GetMapping("/venues")
    Page<VenueView> venues(@RequestParam(required = false) String q, PageRequest page) {
        return catalog.venues(q, page).map(VenueView::of);
    }

    @ApiErrors({ErrorCode.VENUE_NOT_FOUND})
    @GetMapping("/venues/{venueId}")
    VenueView venue(@PathVariable String venueId) {
        return VenueView.of(catalog.venue(venueId));
    }

    @PostMapping("/performers")
    @ResponseStatus(HttpStatus.CREATED)
    PerformerView createPerformer(@Valid @RequestBody CreatePerformer r) {
        return PerformerView.of(admin.createPerformer(r.name().trim()));
    }

    @GetMapping("/performers")
    Page<PerformerView> performers(@RequestParam(required = false) String q, PageRequest page) {
        return catalog.performers(q, page).map(PerformerView::of);
    }

    @ApiErrors({ErrorCode.PERFORMER_NOT_FOUND})
    @GetMapping("/performers/{performerId}")
    PerformerView performer(@PathVariable String performerId) {
        return PerformerView.of(catalog.performer(performerId));
    }

    @ApiErrors({ErrorCode.VENUE_NOT_FOUND})
    @PostMapping("/events")
    @ResponseStatus(HttpStatus.CREATED)
    AdminEventView createEvent(@Valid @RequestBody CreateEvent r) {
        Venue venue = catalog.venue(r.venueId());
        ZoneId zone = r.eventTimezone() == null ? ZoneId.of(venue.timezone()) : zone(r.eventTimezone());
        Instant startsAt = startsAt(r, zone);
        String currency = r.currency() == null ? "USD" : r.currency();
        if (!Money.isCurrency(currency)) {
            throw ApiException.validation("currency", "currency must be an ISO 4217 code such as USD");
        }
        List<CatalogAdminService.NewSection> sections = r.sections() == null ? List.of()
                : r.sections().stream().map(AdminCatalogController::section).toList();
        Event event = admin.createEvent(new CatalogAdminService.NewEvent(r.name().trim(), venue.id(), startsAt,
                zone.getId(), status(r.status() == null ? "on_sale" : r.status()), currency, r.performerIds(), sections));
        return view(event);
    }

    @GetMapping("/events")
    Page<EventView> events(@RequestParam(required = false) String q, PageRequest page) {
        Page<Event> events = catalog.events(new EventSearch(q, null, null, null, null, null, null, null), page);
        var summaries = availability.forEvents(events.items().stream().map(Event::id).toList());
        return events.map(e -> EventView.of(e, summaries.getOrDefault(e.id(), AvailabilitySummaries.Summary.NONE)));
    }

    @ApiErrors({ErrorCode.EVENT_NOT_FOUND})
    @GetMapping("/events/{eventId}")
    AdminEventView event(@PathVariable String eventId) {
        return view(catalog.event(eventId));
    }

    @ApiErrors({ErrorCode.EVENT_NOT_FOUND})
    @PutMapping("/events/{eventId}/status")
    AdminEventView status(@PathVariable String eventId, @Valid @RequestBody StatusRequest r) {
        return view(admin.setStatus(eventId, status(r.status())));
    }

    @ApiErrors({ErrorCode.EVENT_NOT_FOUND})
    @PostMapping("/events/{eventId}/sections")
    @ResponseStatus(HttpStatus.CREATED)
    SectionView addSection(@PathVariable String eventId, @Valid @RequestBody SectionRequest r) {
        return SectionView.of(admin.addSection(eventId, section(r)));
    }

    private AdminEventView view(Event event) {
        var summary = availability.forEvents(List.of(event.id())).getOrDefault(event.id(), AvailabilitySummaries.Summary.NONE);
        return new AdminEventView(EventView.of(event, summary), event.currency(),
                catalog.sections(event.id()).stream().map(SectionView::of).toList());
    }

    private static CatalogAdminService.NewSection section(SectionRequest s) {
        List<CatalogAdminService.NewRow> rows = s.rows() == null ? List.of() : s.rows().stream()
                .map(r -> new CatalogAdminService.NewRow(r.name().trim(), r.displayName(), r.rank())).toList();
        return new CatalogAdminService.NewSection(s.name().trim(), s.displayName(), Boolean.TRUE.equals(s.isGa()), rows);
    }

    private static Instant startsAt(CreateEvent r, ZoneId zone) {
        if ((r.eventDatetimeLocal() == null) == (r.eventDatetimeUtc() == null)) {
            throw ApiException.validation("event_datetime_local", "give exactly one of event_datetime_local and event_datetime_utc");
        }
        return r.eventDatetimeUtc() != null ? r.eventDatetimeUtc() : r.eventDatetimeLocal().atZone(zone).toInstant();
    }

    private static EventStatus status(String value) {
        return WireEnum.parse(EventStatus.class, value).orElseThrow(() ->
                ApiException.validation("status", "status must be one of " + WireEnum.allowed(EventStatus.class)));
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw ApiException.validation("timezone", "timezone must be an IANA zone such as America/New_York");
        }
    }
}
