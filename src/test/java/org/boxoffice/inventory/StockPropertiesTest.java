package org.boxoffice.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.ga;
import static org.boxoffice.support.Fixtures.seats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.catalog.EventLayout;
import org.boxoffice.catalog.Section;
import org.boxoffice.support.Fixtures;
import org.boxoffice.support.MutableClock;
import org.boxoffice.support.PropertyApplication;
import org.boxoffice.support.StockRecount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property: after any sequence of holds (seated and GA, a chosen row or the best one), time passing (holds expiring),
 * sales, releases (a refund gives sold tickets back), extensions, moves (quote to order) and sweeps, the summaries the
 * database keeps equal a recount from the tickets, every availability read equals what the tickets say at that
 * moment — counted here with the window-function SQL availability used before the summaries existed —, so does the
 * rows answer a node keeps from one step to the next while a section does not change, and a seated
 * hold without a row takes the best row that has the seats side by side, as counted from the tickets, or fails only
 * when no row has them (the best-row walk, migration V24).
 * jqwik shrinks a failing sequence to a smallest one and prints the seed that replays it.
 */
class StockPropertiesTest {
    sealed interface Step permits Take, Pass, Sell, Release, Extend, Move, Sweep {
    }

    /** A hold of {@code quantity} in section A (row {@code row}, or the best row when 0) or on the GA floor. */
    record Take(boolean ga, int row, int quantity, int minutes) implements Step {
    }

    record Pass(int minutes) implements Step {
    }

    record Sell(int hold) implements Step {
    }

    record Release(int hold) implements Step {
    }

    record Extend(int hold, int minutes) implements Step {
    }

    record Move(int hold, int minutes) implements Step {
    }

    record Sweep() implements Step {
    }

    record RowSeen(String row, long available, long maxContiguous, long minPriceMinor, List<String> deliveryTypes) {
    }

    record SectionSeen(String section, long available, long minPriceMinor) {
    }

    private final HoldService holds = PropertyApplication.bean(HoldService.class);
    private final AvailabilityService availability = PropertyApplication.bean(AvailabilityService.class);
    private final JsonMapper json = PropertyApplication.bean(JsonMapper.class);
    private final RowsAnswers rowsAnswers = new RowsAnswers(availability, json, rows -> rows.stream()
            .map(r -> new RowSeen(r.row().name(), r.available(), r.maxContiguous(), r.minPriceMinor(), r.deliveryTypes()))
            .sorted(java.util.Comparator.comparing(RowSeen::row)).toList());
    private final CatalogService catalog = PropertyApplication.bean(CatalogService.class);
    private final TransactionTemplate transaction = PropertyApplication.bean(TransactionTemplate.class);
    private final JdbcClient jdbc = PropertyApplication.bean(JdbcClient.class);
    private final MutableClock clock = PropertyApplication.bean(MutableClock.class);
    private final Fixtures fixtures = PropertyApplication.fixtures();

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 50);
        Arbitrary<Integer> minutes = Arbitraries.integers().between(1, 30);
        // mostly what partners ask for; sometimes a long run, or more than any row has left
        Arbitrary<Integer> quantities = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(1, 6)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(7, 20)));
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 3),
                        quantities, minutes).as(Take::new)),
                net.jqwik.api.Tuple.of(2, minutes.map(Pass::new)),
                net.jqwik.api.Tuple.of(2, index.map(Sell::new)),
                net.jqwik.api.Tuple.of(2, index.map(Release::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(index, minutes).as(Extend::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(index, minutes).as(Move::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Sweep())));
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 40)
    void summariesAlwaysEqualARecountFromTheTickets(@ForAll("sequences") List<Step> steps) {
        String event = fixtures.event(Duration.ofDays(30), List.of()).id();
        // Rows at two prices (1 and 3, read from their lines' seats) and a longer row of one price loaded in two
        // batches (2, one stock line), at ranks 1, 2, 3; and more stock lines of consecutive ids than the event has
        // stripes (V22), so that stripes add up several lines.
        fixtures.tickets(event, List.of(
                seats("A", "1", 1, 6, "50.00"), seats("A", "1", 7, 10, "40.00", "mobile_transfer", "pdf"),
                seats("A", "2", 1, 20, "45.00"), seats("A", "3", 1, 8, "45.00", "mobile_qr"),
                seats("A", "2", 21, 36, "45.00"), seats("A", "3", 9, 24, "55.00"),
                ga("GA", 12, "30.00"), ga("GA", 5, "25.00"), ga("GA", 3, "20.00"), ga("GA", 3, "35.00")));
        EventLayout layout = catalog.layout(event);
        List<Hold> taken = new ArrayList<>();
        for (Step step : steps) {
            apply(step, layout, taken);
            assertThat(StockRecount.differences(jdbc)).as("after %s", step).isEmpty();
            assertThat(rowsRead(event, "A")).as("rows of A after %s", step).isEqualTo(rowsCounted(event, "A"));
            assertThat(rowsRead(event, "GA")).as("GA after %s", step).isEqualTo(rowsCounted(event, "GA"));
            assertThat(rowsAnswered(event, "A")).as("answer for A after %s", step).isEqualTo(rowsCounted(event, "A"));
            assertThat(rowsAnswered(event, "GA")).as("answer for GA after %s", step).isEqualTo(rowsCounted(event, "GA"));
            assertThat(sectionsRead(event)).as("sections after %s", step).isEqualTo(sectionsCounted(event));
            assertThat(availability.forEvents(List.of(event)).getOrDefault(event, null))
                    .as("event summary after %s", step).isEqualTo(eventCounted(event));
        }
    }

    private void apply(Step step, EventLayout layout, List<Hold> taken) {
        Instant now = clock.instant();
        try {
            switch (step) {
                case Take t -> {
                    Section section = layout.requireSection(t.ga() ? "GA" : "A");
                    Optional<org.boxoffice.catalog.Row> row = t.ga() || t.row() == 0 ? Optional.empty()
                            : section.row(String.valueOf(t.row()));
                    Optional<String> best = t.ga() || row.isPresent() ? Optional.empty()
                            : bestRowCounted(layout, t.quantity());
                    Hold hold;
                    try {
                        hold = transaction.execute(s -> holds.hold("qt_p" + taken.size() + "_" + now.toEpochMilli(),
                                section, row, t.quantity(), now.plus(Duration.ofMinutes(t.minutes()))));
                    } catch (NoInventoryAvailable soldOut) {
                        assertThat(best).as("no row has %d seats side by side", t.quantity()).isEmpty();
                        throw soldOut;
                    }
                    best.ifPresent(name -> assertThat(hold.rowId()).as("the best row with %d side by side", t.quantity())
                            .isEqualTo(section.row(name).orElseThrow().id()));
                    taken.add(hold);
                }
                case Pass p -> clock.advance(Duration.ofMinutes(p.minutes()));
                case Sell s when !taken.isEmpty() -> {
                    Hold hold = pick(taken, s.hold());
                    transaction.execute(x -> holds.sellAll(hold.holdId(), hold.tickets().size()));
                }
                case Release r when !taken.isEmpty() -> transaction.execute(x -> holds.release(pick(taken, r.hold()).holdId()));
                case Extend e when !taken.isEmpty() -> transaction.execute(x -> holds.extend(pick(taken, e.hold()).holdId(),
                        now.plus(Duration.ofMinutes(e.minutes()))));
                case Move m when !taken.isEmpty() -> {
                    Hold from = pick(taken, m.hold());
                    Hold to = new Hold("ord_p" + taken.size(), from.rowId(), from.tickets(), now.plus(Duration.ofMinutes(m.minutes())));
                    transaction.execute(x -> holds.move(from.ticketIds(), from.holdId(), to.holdId(), to.until()));
                    taken.add(to);
                }
                case Sweep w -> holds.clearExpired(3);
                default -> {
                    // a step on a hold before any exists: nothing to do
                }
            }
        } catch (NoInventoryAvailable soldOut) {
            // a hold that finds nothing free changes nothing, which the checks after the step confirm
        }
    }

    private static Hold pick(List<Hold> taken, int index) {
        return taken.get(index % taken.size());
    }

    private List<RowSeen> rowsRead(String event, String section) {
        return availability.rows(event, section).stream()
                .map(r -> new RowSeen(r.row().name(), r.available(), r.maxContiguous(), r.minPriceMinor(), r.deliveryTypes()))
                .sorted(java.util.Comparator.comparing(RowSeen::row)).toList();
    }

    /** The rows answer's JSON, kept from an earlier step when the section's lines are unchanged ({@link RowsAnswers}). */
    private List<RowSeen> rowsAnswered(String event, String section) {
        return List.of(json.readValue(rowsAnswers.rows(event, section).rawValue().toString(), RowSeen[].class));
    }

    private List<SectionSeen> sectionsRead(String event) {
        return availability.sections(event).stream()
                .map(s -> new SectionSeen(s.section().name(), s.available(), s.minPriceMinor())).toList();
    }

    /** Straight from the tickets: runs of consecutive free seats by the gaps-and-islands method. */
    private List<RowSeen> rowsCounted(String event, String section) {
        return jdbc.sql("""
                        WITH free AS (
                            SELECT r.name AS row_name, t.seat_number, t.price_minor, t.delivery_types,
                                   t.seat_number - row_number() OVER (PARTITION BY t.row_id ORDER BY t.seat_number) AS island
                            FROM tickets t JOIN seat_rows r ON r.id = t.row_id JOIN sections s ON s.id = t.section_id
                            WHERE t.event_id = :event AND s.name = :section AND NOT t.sold
                              AND (t.held_until IS NULL OR t.held_until <= :now)
                        ), runs AS (SELECT row_name, island, count(*) AS length FROM free GROUP BY row_name, island)
                        SELECT f.row_name, count(*) AS available, min(f.price_minor) AS min_price,
                               (SELECT max(length) FROM runs WHERE runs.row_name = f.row_name) AS max_contiguous,
                               array_remove(ARRAY[
                                   CASE WHEN bool_or('mobile_transfer' = ANY(f.delivery_types)) THEN 'mobile_transfer' END,
                                   CASE WHEN bool_or('mobile_qr' = ANY(f.delivery_types)) THEN 'mobile_qr' END,
                                   CASE WHEN bool_or('pdf' = ANY(f.delivery_types)) THEN 'pdf' END], NULL) AS types
                        FROM free f GROUP BY f.row_name ORDER BY f.row_name""")
                .param("event", event).param("section", section).param("now", java.sql.Timestamp.from(clock.instant()))
                .query((rs, n) -> new RowSeen(rs.getString("row_name"), rs.getLong("available"), rs.getLong("max_contiguous"),
                        rs.getLong("min_price"), List.of((String[]) rs.getArray("types").getArray())))
                .list();
    }

    /**
     * Straight from the tickets (the recount of the rows above): the row of section A a hold of {@code quantity} seats
     * without a row must take — the best rank that has them side by side, the lower price available in the row on a
     * tie, then the row's name.
     */
    private Optional<String> bestRowCounted(EventLayout layout, int quantity) {
        Map<String, Integer> ranks = layout.requireSection("A").rows().stream()
                .collect(Collectors.toMap(org.boxoffice.catalog.Row::name, org.boxoffice.catalog.Row::rank));
        return rowsCounted(layout.eventId(), "A").stream().filter(r -> r.maxContiguous() >= quantity)
                .min(java.util.Comparator.comparing((RowSeen r) -> ranks.get(r.row()))
                        .thenComparingLong(RowSeen::minPriceMinor).thenComparing(RowSeen::row))
                .map(RowSeen::row);
    }

    private List<SectionSeen> sectionsCounted(String event) {
        Map<String, Integer> order = Map.of("A", 0, "GA", 1);
        return jdbc.sql("""
                        SELECT s.name, count(*) AS available, min(t.price_minor) AS min_price
                        FROM tickets t JOIN sections s ON s.id = t.section_id
                        WHERE t.event_id = :event AND NOT t.sold AND (t.held_until IS NULL OR t.held_until <= :now)
                        GROUP BY s.name""")
                .param("event", event).param("now", java.sql.Timestamp.from(clock.instant()))
                .query((rs, n) -> new SectionSeen(rs.getString("name"), rs.getLong("available"), rs.getLong("min_price")))
                .list().stream().sorted(java.util.Comparator.comparing(s -> order.get(s.section()))).collect(Collectors.toList());
    }

    private org.boxoffice.catalog.AvailabilitySummaries.Summary eventCounted(String event) {
        return jdbc.sql("""
                        SELECT count(*) AS available, min(price_minor) AS min_price FROM tickets
                        WHERE event_id = :event AND NOT sold AND (held_until IS NULL OR held_until <= :now) HAVING count(*) > 0""")
                .param("event", event).param("now", java.sql.Timestamp.from(clock.instant()))
                .query((rs, n) -> new org.boxoffice.catalog.AvailabilitySummaries.Summary(rs.getLong("available"),
                        rs.getLong("min_price")))
                .optional().orElse(null);
    }
}
