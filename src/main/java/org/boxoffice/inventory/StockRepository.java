package org.boxoffice.inventory;

import static org.boxoffice.shared.SqlTime.ts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.boxoffice.catalog.AvailabilitySummaries;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Availability from the summaries the database keeps equal to the tickets (migration V15): one stock line per row,
 * price and delivery types, plus its hold lines whose {@code held_until} has passed, which are free at once. Reads touch
 * neither tickets nor live holds, and hold lines only where one may have expired ({@code next_expiry}), so they cost
 * the same in a section of a thousand seats or of sixty thousand, with no holds or with ten thousand.
 */
@Repository
class StockRepository {
    /**
     * What a stock line has free now. {@code longestRun} is its longest run of consecutive free seats when
     * {@code seats} is null; otherwise {@code seats} lists every free seat (unsorted), because its row has several
     * stock lines or an expired hold whose seats join the free ones. Both are empty for GA.
     */
    record StockLine(String sectionId, String rowId, long priceMinor, List<String> deliveryTypes, long available,
                     int longestRun, int[] seats) {
    }

    /** The quantity and seats of a stock line's hold lines that have expired by :now, if its next_expiry says any may. */
    private static final String EXPIRED = """
            LEFT JOIN LATERAL (
                SELECT sum(h.quantity) AS quantity, array_concat_agg(h.seats) AS seats
                FROM ticket_stock_holds h WHERE s.next_expiry <= :now AND h.stock_id = s.id AND h.held_until <= :now
            ) expired ON true""";
    /** Rows per answer of the best-row choice: in an on-sale the first has the seats, unless others just took them. */
    private static final int CANDIDATES = 3;
    private static final Map<String, List<String>> DELIVERY_TYPES = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;

    StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns of a stock line's {@link StockLine} ({@link #line}), from {@code ticket_stock s} and {@link #EXPIRED}. */
    private static final String LINE_COLUMNS = """
            s.section_id, s.row_id, s.price_minor, s.free_run, array_to_string(s.delivery_types, ',') AS delivery_types,
            s.free + coalesce(expired.quantity, 0) AS available,
            CASE WHEN expired.quantity > 0 OR s.shared_row THEN s.free_seats || coalesce(expired.seats, '{}') END AS seats""";

    /**
     * The event's stock lines that have anything free now, a row's lines together, rows in their section's (rank,
     * name) order. Seats are read only for lines whose free run does not tell (an expired hold, or a row of several
     * lines: {@code shared_row}, migration V20).
     */
    List<StockLine> lines(String eventId, Instant now) {
        return jdbc.sql("""
                        SELECT %s
                        FROM ticket_stock s %s
                        WHERE s.event_id = :event AND s.free + coalesce(expired.quantity, 0) > 0
                        ORDER BY s.row_place, s.row_id, s.id""".formatted(LINE_COLUMNS, EXPIRED))
                .param("event", eventId).param("now", ts(now)).query(StockRepository::line).list();
    }

    /**
     * What one section's lines are now. {@code tag} names the state of all of them (the versions of migration V26);
     * {@code lasting} says none of their hold lines has expired, so what they have free cannot change without a new
     * tag. That is asked of the hold lines of the lines whose {@code next_expiry} has passed: it is a lower bound of
     * their holds' expiries, which stays behind when a quote's seats move to an order without the line being written,
     * so it says where a hold may have expired, and only the hold lines can say whether one has. Asked from the
     * section's lines rather than from the event's expiry index: the plan kept for every call does not know
     * {@code :now}, guessed a third of the event's hold lines expired, and probed the holds of every line of the
     * section instead (500 probes in a 500-row section with live holds: 0.67-0.76 ms against 0.30-0.33). Not
     * {@link #EXPIRED}'s lateral, which asks the same of a line but adds up what it finds: 0.41-0.42 ms here.
     * {@code lines}, as in {@link #lines}, is null when they are still the ones tagged {@code known} and lasting: one
     * statement, one snapshot, and only the tag crosses the wire when nothing changed.
     */
    record SectionLines(String tag, boolean lasting, List<StockLine> lines) {
    }

    SectionLines sectionLines(String eventId, String sectionId, Instant now, String known) {
        return jdbc.sql("""
                        WITH state AS MATERIALIZED (
                            SELECT coalesce(md5(string_agg(s.version::text, ',' ORDER BY s.version)), '') AS tag,
                                   coalesce(bool_and(CASE WHEN s.next_expiry <= :now THEN NOT EXISTS (
                                       SELECT 1 FROM ticket_stock_holds h WHERE h.stock_id = s.id AND h.held_until <= :now)
                                       ELSE true END), true) AS lasting
                            FROM ticket_stock s WHERE s.event_id = :event AND s.section_id = :section
                        ), gate AS MATERIALIZED (
                            SELECT tag, lasting, tag IS DISTINCT FROM CAST(:known AS text) OR NOT lasting AS changed
                            FROM state
                        )
                        SELECT g.tag, g.lasting, g.changed, l.*
                        FROM gate g LEFT JOIN LATERAL (
                            SELECT %s, s.row_place, s.id
                            FROM ticket_stock s %s
                            WHERE g.changed AND s.event_id = :event AND s.section_id = :section
                              AND s.free + coalesce(expired.quantity, 0) > 0
                        ) l ON true
                        ORDER BY l.row_place, l.row_id, l.id""".formatted(LINE_COLUMNS, EXPIRED))
                .param("event", eventId).param("section", sectionId).param("now", ts(now)).param("known", known)
                .query((ResultSetExtractor<SectionLines>) StockRepository::sectionLines);
    }

    /**
     * The next {@value #CANDIDATES} rows of the section that may have {@code quantity} tickets now (side by side unless
     * GA), best first: by rank, the lowest price the row has available, then the row's place (migration V21), leaving
     * out the rows in {@code tried}. The database walks the lines that have anything available in that order and stops
     * at the first rows that may do (migration V24), so the choice reads a few rows however many the section has or how
     * many of them are sold out or held. A row of one stock line and no expired hold is judged by its longest free run;
     * any other row by its count (the seats decide when it is tried).
     */
    List<String> candidateRows(String eventId, String sectionId, boolean ga, int quantity, Collection<String> tried,
                               Instant now) {
        return jdbc.sql("SELECT candidate_rows(:event, :section, :ga, :quantity, CAST(:tried AS text[]), :now, :wanted)")
                .param("event", eventId).param("section", sectionId).param("ga", ga).param("quantity", quantity)
                .param("tried", tried.toArray(String[]::new)).param("now", ts(now)).param("wanted", CANDIDATES)
                .query(String.class).list();
    }

    /**
     * Per event: how many tickets are available now and the lowest price among them; events with none are left out.
     * Read from the event's stripes (at most 8, migration V22) and its hold lines that have expired by {@code now},
     * so a page costs the same whatever the size of its events.
     */
    Map<String, AvailabilitySummaries.Summary> summaries(Collection<String> eventIds, Instant now) {
        record Line(String eventId, AvailabilitySummaries.Summary summary) {
        }
        return jdbc.sql("""
                        SELECT e.event_id, e.free + coalesce(x.quantity, 0) AS available,
                               least(e.min_price, x.min_price) AS min_price
                        FROM (SELECT event_id, sum(free) AS free, min(min_price) AS min_price FROM event_stock
                              WHERE event_id = ANY(:ids) GROUP BY event_id) e
                        LEFT JOIN (SELECT h.event_id, sum(h.quantity) AS quantity, min(s.price_minor) AS min_price
                                   FROM ticket_stock_holds h JOIN ticket_stock s ON s.id = h.stock_id
                                   WHERE h.event_id = ANY(:ids) AND h.held_until <= :now GROUP BY h.event_id) x
                               ON x.event_id = e.event_id
                        WHERE e.free + coalesce(x.quantity, 0) > 0""")
                .param("ids", eventIds.toArray(String[]::new)).param("now", ts(now))
                .query((rs, n) -> new Line(rs.getString("event_id"),
                        new AvailabilitySummaries.Summary(rs.getLong("available"), rs.getLong("min_price"))))
                .list().stream().collect(Collectors.toMap(Line::eventId, Line::summary));
    }

    private static SectionLines sectionLines(ResultSet rs) throws SQLException {
        rs.next(); // one row at least: the state's
        String tag = rs.getString("tag");
        boolean lasting = rs.getBoolean("lasting");
        if (!rs.getBoolean("changed")) {
            return new SectionLines(tag, lasting, null);
        }
        List<StockLine> lines = new ArrayList<>();
        do {
            if (rs.getString("section_id") != null) { // null: the state's row alone, nothing free
                lines.add(line(rs, lines.size()));
            }
        } while (rs.next());
        return new SectionLines(tag, lasting, lines);
    }

    private static StockLine line(ResultSet rs, int n) throws SQLException {
        Array seats = rs.getArray("seats");
        return new StockLine(rs.getString("section_id"), rs.getString("row_id"), rs.getLong("price_minor"),
                deliveryTypes(rs.getString("delivery_types")), rs.getLong("available"), rs.getInt("free_run"),
                seats == null ? null : Arrays.stream((Integer[]) seats.getArray()).mapToInt(Integer::intValue).toArray());
    }

    /**
     * A line's delivery types from their wire names joined by commas (no name holds one), in the catalogue's order.
     * Lines share a handful of combinations, so each is parsed once. Joined in SQL because the driver's text form of a
     * {@code text[]} changes once it reads the column in binary, and builds a large buffer each time.
     */
    private static List<String> deliveryTypes(String joined) {
        List<String> known = DELIVERY_TYPES.get(joined);
        if (known != null) {
            return known;
        }
        List<String> types = DeliveryType.inWireOrder(List.of(joined.split(",")));
        if (DELIVERY_TYPES.size() < 64) {
            DELIVERY_TYPES.put(joined, types);
        }
        return types;
    }
}
