package org.boxoffice.inventory;

import static org.boxoffice.shared.SqlTime.ts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tickets. "Available" is always: not sold, and not held or the hold has expired (compared with the clock here).
 * Counts of what is available come from {@link StockRepository}, kept equal to the tickets by the database.
 */
@Repository
class TicketRepository {
    static final String AVAILABLE = "NOT sold AND (held_until IS NULL OR held_until <= :now)";
    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Resolved placement of a batch: where its tickets go and what they cost. {@code rowPlace} is the row's place in
     * its section's (rank, name) order, kept on the stock line for the best-row choice (migration V21).
     */
    record Placement(String eventId, String sectionId, String rowId, int rowRank, int rowPlace, Integer seatFrom,
                     Integer seatTo, int quantity, long priceMinor, String currency, List<String> deliveryTypes) {
    }

    /**
     * Inserts a seat range (numbered seats) or a GA quantity (no seat numbers) in one statement, into its stock line:
     * the row's one line for seats, and for GA the line of each ticket's part (migration V23), so that a floor's
     * buyers do not all wait for one line.
     */
    int insert(Placement p, Instant now) {
        boolean seated = p.seatFrom() != null;
        return jdbc.sql("""
                        WITH fresh AS MATERIALIZED (
                            SELECT id, CASE WHEN :seated THEN 0 ELSE ga_part(id) END AS part, n
                            FROM (SELECT 'tkt_' || replace(gen_random_uuid()::text, '-', '') AS id, n
                                  FROM generate_series(:from, :to) AS n) t
                        ), stock AS (
                            INSERT INTO ticket_stock (event_id, section_id, row_id, row_rank, row_place, price_minor,
                                                      delivery_types, part)
                            SELECT DISTINCT :event, :section, :row, :rank, :place, :price, CAST(:types AS text[]), part
                            FROM fresh ORDER BY part
                            ON CONFLICT (row_id, price_minor, delivery_types, part) DO UPDATE SET event_id = EXCLUDED.event_id
                            RETURNING id, part
                        )
                        INSERT INTO tickets (id, event_id, section_id, row_id, seat_number, price_minor, currency,
                                             delivery_types, created_at, stock_id)
                        SELECT f.id, :event, :section, :row, CASE WHEN :seated THEN f.n END, :price, :currency,
                               CAST(:types AS text[]), :now, s.id
                        FROM fresh f JOIN stock s ON s.part = f.part""")
                .param("event", p.eventId()).param("section", p.sectionId()).param("row", p.rowId())
                .param("rank", p.rowRank()).param("place", p.rowPlace()).param("seated", seated)
                .param("price", p.priceMinor()).param("currency", p.currency())
                .param("types", p.deliveryTypes().toArray(String[]::new)).param("now", ts(now))
                .param("from", seated ? p.seatFrom() : 1).param("to", seated ? p.seatTo() : p.quantity())
                .update();
    }

    /** The seat numbers already loaded in each of the rows, in one query. */
    Map<String, TreeSet<Integer>> existingSeats(Collection<String> rowIds) {
        Map<String, TreeSet<Integer>> seats = new HashMap<>();
        jdbc.sql("SELECT row_id, seat_number FROM tickets WHERE row_id = ANY(:rows) AND seat_number IS NOT NULL")
                .param("rows", rowIds.toArray(String[]::new))
                .query(rs -> {
                    seats.computeIfAbsent(rs.getString("row_id"), k -> new TreeSet<>()).add(rs.getInt("seat_number"));
                });
        return seats;
    }
}
