package org.boxoffice.catalog;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.boxoffice.shared.MoneyView;

/** How catalogue objects look on the wire (API.md §3). */
final class CatalogViews {
    private CatalogViews() {
    }

    record VenueView(String venueId, String venueName, String city, String state, String country, String timezone) {
        static VenueView of(Venue v) {
            return new VenueView(v.id(), v.name(), v.city(), v.state(), v.country(), v.timezone());
        }
    }

    record EventVenue(String venueId, String venueName, String city, String state, String country) {
    }

    record PerformerView(String performerId, String performerName) {
        static PerformerView of(Performer p) {
            return new PerformerView(p.id(), p.name());
        }
    }

    record EventView(String eventId, String eventName, Instant eventDatetimeUtc, LocalDateTime eventDatetimeLocal,
                     String eventTimezone, EventStatus status, EventVenue venue, List<PerformerView> performers,
                     long ticketsAvailable, @Nullable MoneyView minPrice) {
        static EventView of(Event e, AvailabilitySummaries.Summary summary) {
            Venue v = e.venue();
            return new EventView(e.id(), e.name(), e.startsAt(), e.localStart(), e.timezone(), e.status(),
                    new EventVenue(v.id(), v.name(), v.city(), v.state(), v.country()),
                    e.performers().stream().map(PerformerView::of).toList(),
                    summary.available(), MoneyView.of(summary.minPriceMinor(), e.currency()));
        }
    }

    record RowView(String rowId, String rowName, String rowNameDisplay, int rank) {
    }

    record SectionView(String sectionId, String sectionName, String sectionNameDisplay, boolean isGa, List<RowView> rows) {
        static SectionView of(Section s) {
            return new SectionView(s.id(), s.name(), s.displayName(), s.ga(),
                    s.rows().stream().map(r -> new RowView(r.id(), r.name(), r.displayName(), r.rank())).toList());
        }
    }

    /** The operator's view of an event: the partner view plus its structure. */
    record AdminEventView(EventView event, String currency, List<SectionView> sections) {
    }
}
