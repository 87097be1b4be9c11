package org.boxoffice.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.catalog.EventLayout;
import org.boxoffice.catalog.Row;
import org.boxoffice.catalog.Section;
import org.boxoffice.shared.Money;
import org.boxoffice.shared.WireEnum;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads inventory for an event. All batches are checked first (section, row, seats or quantity, price, delivery
 * types, seats already loaded or repeated in the same request); any problem rejects the whole load and names every
 * bad batch, so nothing is half-loaded.
 */
@Service
public class TicketLoader {
    static final int MAX_SEATS_PER_BATCH = 10_000;
    static final int MAX_GA_PER_BATCH = 100_000;
    private final CatalogService catalog;
    private final TicketRepository tickets;
    private final Clock clock;

    TicketLoader(CatalogService catalog, TicketRepository tickets, Clock clock) {
        this.catalog = catalog;
        this.tickets = tickets;
        this.clock = clock;
    }

    public record Loaded(String eventId, int batches, long tickets) {
    }

    @Transactional
    public Loaded load(String eventId, List<TicketBatch> batches, String detailsKey) {
        EventLayout event = catalog.layout(eventId);
        Map<String, Section> sections = new HashMap<>();
        event.sections().forEach(s -> sections.put(s.name(), s));
        List<Map<String, Object>> problems = new ArrayList<>();
        List<TicketRepository.Placement> placements = new ArrayList<>();
        Map<String, TreeSet<Integer>> loaded = tickets.existingSeats(event.sections().stream()
                .filter(s -> !s.ga()).flatMap(s -> s.rows().stream()).map(Row::id).toList());
        Map<String, TreeSet<Integer>> seatsInRequest = new HashMap<>();
        for (TicketBatch batch : batches) {
            try {
                TicketRepository.Placement p = place(event, sections, batch, loaded);
                claimSeats(p, seatsInRequest);
                placements.add(p);
            } catch (IllegalArgumentException e) {
                problems.add(Map.of(detailsKey, batch.source(), "message", e.getMessage()));
            }
        }
        if (batches.isEmpty()) {
            throw ApiException.validation(detailsKey, "no tickets given");
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, problems.size() + " of " + batches.size()
                    + " ticket lines are invalid; nothing was loaded", Map.of("lines", problems));
        }
        Instant now = Instant.now(clock);
        long count = 0;
        for (TicketRepository.Placement p : placements) {
            count += tickets.insert(p, now);
        }
        return new Loaded(event.eventId(), placements.size(), count);
    }

    private TicketRepository.Placement place(EventLayout event, Map<String, Section> sections, TicketBatch b,
                                             Map<String, TreeSet<Integer>> loaded) {
        Section section = sections.get(b.sectionName());
        check(section != null, "unknown section " + b.sectionName());
        Row row = b.rowName() == null || b.rowName().isBlank()
                ? (section.ga() ? section.rows().getFirst() : null)
                : section.row(b.rowName()).orElse(null);
        check(row != null, b.rowName() == null ? "row_name is required for seated section " + section.name()
                : "section " + section.name() + " has no row " + b.rowName());
        long price = price(b.price(), event.currency());
        List<String> types = deliveryTypes(b.deliveryTypes());
        if (section.ga()) {
            check(b.seatFrom() == null && b.seatTo() == null, "GA tickets have no seat numbers; give a quantity");
            check(b.quantity() != null && b.quantity() >= 1 && b.quantity() <= MAX_GA_PER_BATCH,
                    "quantity must be between 1 and " + MAX_GA_PER_BATCH);
            return new TicketRepository.Placement(event.eventId(), section.id(), row.id(), row.rank(),
                    section.place(row), null, null, b.quantity(), price, event.currency(), types);
        }
        check(b.quantity() == null, "seated tickets are given as seat_from and seat_to, not a quantity");
        check(b.seatFrom() != null && b.seatTo() != null, "seat_from and seat_to are required for a seated section");
        check(b.seatFrom() >= 1 && b.seatTo() >= b.seatFrom(), "seats must satisfy 1 <= seat_from <= seat_to");
        int count = b.seatTo() - b.seatFrom() + 1;
        check(count <= MAX_SEATS_PER_BATCH, "at most " + MAX_SEATS_PER_BATCH + " seats per line");
        List<Integer> existing = List.copyOf(loaded.getOrDefault(row.id(), new TreeSet<>()).subSet(b.seatFrom(), true, b.seatTo(), true));
        check(existing.isEmpty(), "seats already loaded in row " + row.name() + ": " + abbreviate(existing));
        return new TicketRepository.Placement(event.eventId(), section.id(), row.id(), row.rank(),
                section.place(row), b.seatFrom(), b.seatTo(), count, price, event.currency(), types);
    }

    private static void claimSeats(TicketRepository.Placement p, Map<String, TreeSet<Integer>> taken) {
        if (p.seatFrom() == null) {
            return;
        }
        TreeSet<Integer> seats = taken.computeIfAbsent(p.rowId(), k -> new TreeSet<>());
        Integer clash = seats.ceiling(p.seatFrom());
        check(clash == null || clash > p.seatTo(), "seat " + clash + " appears twice in this load");
        for (int seat = p.seatFrom(); seat <= p.seatTo(); seat++) {
            seats.add(seat);
        }
    }

    private static long price(String price, String currency) {
        check(price != null && !price.isBlank(), "price is required");
        try {
            return Money.parse(price, currency).minor();
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new IllegalArgumentException("price must be a non-negative amount such as 125.00 in " + currency);
        }
    }

    private static List<String> deliveryTypes(List<String> given) {
        check(given != null && !given.isEmpty(), "delivery_types is required: " + WireEnum.allowed(DeliveryType.class));
        for (String type : given) {
            check(WireEnum.parse(DeliveryType.class, type).isPresent(),
                    "unknown delivery type " + type + "; use " + WireEnum.allowed(DeliveryType.class));
        }
        return given.stream().distinct().toList();
    }

    private static String abbreviate(List<Integer> seats) {
        return seats.size() <= 5 ? seats.toString() : seats.subList(0, 5) + " and " + (seats.size() - 5) + " more";
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
