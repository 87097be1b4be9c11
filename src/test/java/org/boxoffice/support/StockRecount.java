package org.boxoffice.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The availability summaries (migration V15) against a recount from the tickets, written here independently of the
 * trigger that maintains them: every stock line's free count and free seats, every hold line's quantity and seats,
 * whether each line's row has other lines, its row's rank and place as the catalogue has them, and each event's
 * stripes (migration V22: the free tickets and lowest free price of the event's lines whose id is the stripe modulo 8)
 * and the event of each hold line.
 */
public final class StockRecount {
    private StockRecount() {
    }

    /** Lines where the summaries and the tickets disagree, described; empty when they agree everywhere. */
    public static List<String> differences(JdbcClient jdbc) {
        List<String> stock = jdbc.sql("""
                        WITH counted AS (
                            SELECT stock_id, count(*) FILTER (WHERE NOT sold AND held_until IS NULL) AS free,
                                   coalesce(array_agg(seat_number ORDER BY seat_number) FILTER (
                                       WHERE NOT sold AND held_until IS NULL AND seat_number IS NOT NULL), '{}') AS seats
                            FROM tickets GROUP BY stock_id
                        )
                        SELECT 'stock ' || coalesce(s.id, c.stock_id) || ': kept ' || coalesce(s.free, -1) || ' '
                               || coalesce(s.free_seats::text, '-') || ', counted ' || coalesce(c.free, -1) || ' '
                               || coalesce(c.seats::text, '-')
                        FROM ticket_stock s FULL JOIN counted c ON c.stock_id = s.id
                        WHERE s.free IS DISTINCT FROM c.free::integer OR s.free_seats IS DISTINCT FROM c.seats""")
                .query(String.class).list();
        List<String> holds = jdbc.sql("""
                        WITH counted AS (
                            SELECT stock_id, coalesce(hold_id, '') AS hold_key, held_until, count(*) AS quantity,
                                   coalesce(array_agg(seat_number ORDER BY seat_number)
                                            FILTER (WHERE seat_number IS NOT NULL), '{}') AS seats
                            FROM tickets WHERE NOT sold AND held_until IS NOT NULL GROUP BY 1, 2, 3
                        )
                        SELECT 'hold ' || coalesce(h.hold_key, c.hold_key) || ' until ' || coalesce(h.held_until, c.held_until)
                               || ': kept ' || coalesce(h.quantity, -1) || ' ' || coalesce(h.seats::text, '-')
                               || ', counted ' || coalesce(c.quantity, -1) || ' ' || coalesce(c.seats::text, '-')
                        FROM ticket_stock_holds h FULL JOIN counted c
                             ON c.stock_id = h.stock_id AND c.hold_key = h.hold_key AND c.held_until = h.held_until
                        WHERE h.quantity IS DISTINCT FROM c.quantity::integer OR h.seats IS DISTINCT FROM c.seats""")
                .query(String.class).list();
        List<String> shared = jdbc.sql("""
                        SELECT 'stock ' || s.id || ': shared_row ' || s.shared_row || ', lines in its row ' || count(o.id)
                        FROM ticket_stock s JOIN ticket_stock o ON o.row_id = s.row_id
                        GROUP BY s.id, s.shared_row HAVING s.shared_row <> (count(o.id) > 1)""")
                .query(String.class).list();
        List<String> order = jdbc.sql("""
                        SELECT 'stock ' || s.id || ': row rank and place ' || s.row_rank || ' ' || s.row_place
                               || ', in the catalogue ' || r.rank || ' ' || r.place
                        FROM ticket_stock s JOIN (SELECT id, rank, row_number() OVER (PARTITION BY section_id
                                                                                      ORDER BY rank, name) AS place
                                                  FROM seat_rows) r ON r.id = s.row_id
                        WHERE s.row_rank <> r.rank OR s.row_place <> r.place""")
                .query(String.class).list();
        List<String> stripes = jdbc.sql("""
                        WITH counted AS (
                            SELECT event_id, (stock_id % 8)::smallint AS stripe, count(*) AS free,
                                   min(price_minor) AS min_price
                            FROM tickets WHERE NOT sold AND held_until IS NULL GROUP BY 1, 2
                        )
                        SELECT 'event ' || coalesce(e.event_id, c.event_id) || ' stripe ' || coalesce(e.stripe, c.stripe)
                               || ': kept ' || coalesce(e.free, -1) || ' from ' || coalesce(e.min_price::text, '-')
                               || ', counted ' || coalesce(c.free, 0) || ' from ' || coalesce(c.min_price::text, '-')
                        FROM event_stock e FULL JOIN counted c ON c.event_id = e.event_id AND c.stripe = e.stripe
                        WHERE e.free IS DISTINCT FROM coalesce(c.free, 0)::integer
                           OR e.min_price IS DISTINCT FROM c.min_price""")
                .query(String.class).list();
        List<String> holdEvents = jdbc.sql("""
                        SELECT 'hold ' || h.hold_key || ' of stock ' || h.stock_id || ': event ' || h.event_id
                               || ', the line''s ' || s.event_id
                        FROM ticket_stock_holds h JOIN ticket_stock s ON s.id = h.stock_id
                        WHERE h.event_id <> s.event_id""")
                .query(String.class).list();
        return java.util.stream.Stream.of(stock, holds, shared, order, stripes, holdEvents).flatMap(List::stream).toList();
    }
}
