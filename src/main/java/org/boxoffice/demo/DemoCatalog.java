package org.boxoffice.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.boxoffice.catalog.CatalogAdminService;
import org.boxoffice.catalog.CatalogAdminService.NewRow;
import org.boxoffice.catalog.CatalogAdminService.NewSection;
import org.boxoffice.catalog.Event;
import org.boxoffice.catalog.EventStatus;
import org.boxoffice.catalog.Performer;
import org.boxoffice.catalog.Venue;
import org.boxoffice.inventory.TicketBatch;
import org.boxoffice.inventory.TicketLoader;
import org.springframework.stereotype.Component;

/**
 * The demo catalogue: three venues, twelve performers and twenty events over the coming months, each with seated
 * sections of ranked rows (numbered seats) and a GA floor: 800 priced tickets per event, 16,000 in all.
 */
@Component
class DemoCatalog {
    static final int EVENTS = 20;
    private static final List<String> SEATED = List.of("101", "102", "103");
    private static final int ROWS = 10;
    private static final int SEATS_PER_ROW = 20;
    private static final int GA_TICKETS = 200;
    private final CatalogAdminService catalog;
    private final TicketLoader tickets;
    private final Clock clock;

    DemoCatalog(CatalogAdminService catalog, TicketLoader tickets, Clock clock) {
        this.catalog = catalog;
        this.tickets = tickets;
        this.clock = clock;
    }

    long load() {
        List<Venue> venues = List.of(
                catalog.createVenue("Hudson Arena", "New York", "NY", "US", "America/New_York"),
                catalog.createVenue("Lakeside Theater", "Chicago", "IL", "US", "America/Chicago"),
                catalog.createVenue("Golden Gate Hall", "San Francisco", "CA", "US", "America/Los_Angeles"));
        List<Performer> performers = new ArrayList<>();
        for (String name : List.of("The Midnight Owls", "Aurora Lane", "Brass Republic", "Luna Park Orchestra",
                "DJ Solstice", "The Paper Kites Revival", "Marisol Vega", "Northbound Quartet", "Echo & The Tides",
                "Sam Okafor", "The Velvet Hours", "Comedy Cellar All-Stars")) {
            performers.add(catalog.createPerformer(name));
        }
        LocalDate first = LocalDate.now(clock).plusDays(7);
        long loaded = 0;
        for (int i = 0; i < EVENTS; i++) {
            Venue venue = venues.get(i % venues.size());
            Performer headliner = performers.get(i % performers.size());
            Performer support = performers.get((i + 5) % performers.size());
            LocalDate day = first.plusDays(i * 6L);
            Event event = catalog.createEvent(new CatalogAdminService.NewEvent(
                    headliner.name() + " — Live at " + venue.name(), venue.id(),
                    day.atTime(LocalTime.of(19 + i % 2, 30)).atZone(ZoneId.of(venue.timezone())).toInstant(), null,
                    EventStatus.ON_SALE, "USD", List.of(headliner.id(), support.id()), sections()));
            loaded += tickets.load(event.id(), batches(i), "item").tickets();
        }
        return loaded;
    }

    private static List<NewSection> sections() {
        List<NewSection> sections = new ArrayList<>();
        sections.add(new NewSection("FLOOR", "General Admission Floor", true, List.of()));
        for (String name : SEATED) {
            List<NewRow> rows = new ArrayList<>();
            for (int r = 0; r < ROWS; r++) {
                String row = String.valueOf((char) ('A' + r));
                rows.add(new NewRow(row, "Row " + row, r + 1));
            }
            sections.add(new NewSection(name, "Section " + name, false, rows));
        }
        return sections;
    }

    private static List<TicketBatch> batches(int eventIndex) {
        List<TicketBatch> batches = new ArrayList<>();
        batches.add(new TicketBatch("floor", "FLOOR", null, null, null, GA_TICKETS, price(6500, eventIndex),
                List.of("mobile_qr", "pdf")));
        for (int s = 0; s < SEATED.size(); s++) {
            for (int r = 0; r < ROWS; r++) {
                String row = String.valueOf((char) ('A' + r));
                List<String> delivery = r < 3 ? List.of("mobile_transfer") : List.of("mobile_transfer", "mobile_qr", "pdf");
                batches.add(new TicketBatch(SEATED.get(s) + row, SEATED.get(s), row, 1, SEATS_PER_ROW, null,
                        price(15000 - s * 1500 - r * 750, eventIndex), delivery));
            }
        }
        return batches;
    }

    /** Prices vary a little between events so that searches show different minimums. */
    private static String price(long baseCents, int eventIndex) {
        long cents = baseCents + (eventIndex % 4) * 500L;
        return String.format("%d.%02d", cents / 100, cents % 100);
    }
}
