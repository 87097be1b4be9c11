package org.boxoffice.inventory;

import static org.boxoffice.shared.SqlTime.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.boxoffice.catalog.AvailabilitySummaries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets. "Available" is always: not sold, and not held or the hold has expired (compared with the clock here). */
@Repository
class TicketRepository {
    static final String AVAILABLE = "NOT sold AND (held_until IS NULL OR held_until <= :now)";
    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Resolved placement of a batch: where its tickets go and what they cost. */
    record Placement(String eventId, String sectionId, String rowId, Integer seatFrom, Integer seatTo, int quantity,
                     long priceMinor, String currency, List<String> deliveryTypes) {
    }

    record RowAvailability(String sectionId, String rowId, long available, long minPriceMinor, long maxContiguous,
                           List<String> deliveryTypes) {
    }

    /** Inserts a seat range (numbered seats) or a GA quantity (no seat numbers) in one statement. */
    int insert(Placement p, Instant now) {
        boolean seated = p.seatFrom() != null;
        return jdbc.sql("""
                        INSERT INTO tickets (id, event_id, section_id, row_id, seat_number, price_minor, currency,
                                             delivery_types, created_at)
                        SELECT 'tkt_' || replace(gen_random_uuid()::text, '-', ''), :event, :section, :row,
                               CASE WHEN :seated THEN n END, :price, :currency, CAST(:types AS text[]), :now
                        FROM generate_series(:from, :to) AS n""")
                .param("event", p.eventId()).param("section", p.sectionId()).param("row", p.rowId())
                .param("seated", seated).param("price", p.priceMinor()).param("currency", p.currency())
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

    /** Per row of the event (optionally one section): what is available now, its lowest price and longest run of seats. */
    List<RowAvailability> rowAvailability(String eventId, String sectionId, Instant now) {
        String sectionFilter = sectionId == null ? "" : " AND section_id = :section";
        JdbcClient.StatementSpec spec = jdbc.sql("""
                        WITH available AS (
                            SELECT section_id, row_id, seat_number, price_minor, delivery_types,
                                   seat_number - row_number() OVER (PARTITION BY row_id ORDER BY seat_number) AS island
                            FROM tickets
                            WHERE event_id = :event AND %s %s
                        ), runs AS (
                            SELECT section_id, row_id, island, count(*) AS length, min(price_minor) AS min_price,
                                   bool_or('mobile_transfer' = ANY(delivery_types)) AS transfer,
                                   bool_or('mobile_qr' = ANY(delivery_types)) AS qr,
                                   bool_or('pdf' = ANY(delivery_types)) AS pdf
                            FROM available GROUP BY section_id, row_id, island
                        )
                        SELECT section_id, row_id, sum(length) AS available, min(min_price) AS min_price,
                               max(length) AS max_contiguous, bool_or(transfer) AS transfer, bool_or(qr) AS qr,
                               bool_or(pdf) AS pdf
                        FROM runs GROUP BY section_id, row_id""".formatted(AVAILABLE, sectionFilter))
                .param("event", eventId).param("now", ts(now));
        if (sectionId != null) {
            spec = spec.param("section", sectionId);
        }
        return spec.query((rs, n) -> {
            List<String> types = new ArrayList<>();
            if (rs.getBoolean("transfer")) {
                types.add("mobile_transfer");
            }
            if (rs.getBoolean("qr")) {
                types.add("mobile_qr");
            }
            if (rs.getBoolean("pdf")) {
                types.add("pdf");
            }
            return new RowAvailability(rs.getString("section_id"), rs.getString("row_id"), rs.getLong("available"),
                    rs.getLong("min_price"), rs.getLong("max_contiguous"), types);
        }).list();
    }

    Map<String, AvailabilitySummaries.Summary> summaries(Collection<String> eventIds, Instant now) {
        record Line(String eventId, AvailabilitySummaries.Summary summary) {
        }
        return jdbc.sql("SELECT event_id, count(*) AS available, min(price_minor) AS min_price FROM tickets "
                        + "WHERE event_id = ANY(:ids) AND " + AVAILABLE + " GROUP BY event_id")
                .param("ids", eventIds.toArray(String[]::new)).param("now", ts(now))
                .query((rs, n) -> new Line(rs.getString("event_id"),
                        new AvailabilitySummaries.Summary(rs.getLong("available"), rs.getLong("min_price"))))
                .list().stream().collect(Collectors.toMap(Line::eventId, Line::summary));
    }
}
