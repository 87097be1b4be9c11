package org.boxoffice.inventory;

import static org.boxoffice.shared.SqlTime.ts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Taking and moving holds. Every change of availability goes through here: lock what becomes less available
 * ({@code FOR UPDATE SKIP LOCKED}), check, then write, in the caller's transaction.
 */
@Repository
class HoldRepository {
    private final JdbcClient jdbc;

    HoldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the (seated) row's first {@code quantity} available tickets in seat order that no other transaction is
     * taking (fewer if there are not that many). Locking re-checks availability against the latest commit. Seat
     * numbers are unique in a row, so the seat order is the index's and the scan stops at the last seat it locks; a
     * tie-break on the id made it an incremental sort, which reads 32 rows (or all there are) before it sorts.
     */
    List<HeldTicket> lockFirstFree(String rowId, Instant now, int quantity) {
        return jdbc.sql("SELECT id, seat_number, price_minor, delivery_types FROM tickets WHERE row_id = :row AND "
                        + TicketRepository.AVAILABLE + " ORDER BY seat_number LIMIT :quantity FOR UPDATE SKIP LOCKED")
                .param("row", rowId).param("now", ts(now)).param("quantity", quantity).query(HoldRepository::map).list();
    }

    /**
     * Locks up to {@code quantity} available tickets of a (GA) row, skipping those other transactions are taking:
     * free ones first, from a random ticket id on (wrapping round), so the cost depends neither on how many earlier
     * holds took nor on how many pickers run at once; then tickets whose hold has expired.
     */
    List<HeldTicket> lockAny(String rowId, Instant now, int quantity) {
        String start = "tkt_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        List<HeldTicket> locked = new ArrayList<>(lockFree(rowId, "id >= :start", start, quantity));
        if (locked.size() < quantity) {
            locked.addAll(lockFree(rowId, "id < :start", start, quantity - locked.size()));
        }
        if (locked.size() < quantity) {
            locked.addAll(jdbc.sql("SELECT id, seat_number, price_minor, delivery_types FROM tickets WHERE row_id = :row "
                            + "AND NOT sold AND held_until <= :now LIMIT :quantity FOR UPDATE SKIP LOCKED")
                    .param("row", rowId).param("now", ts(now)).param("quantity", quantity - locked.size())
                    .query(HoldRepository::map).list());
        }
        return locked;
    }

    private List<HeldTicket> lockFree(String rowId, String range, String start, int quantity) {
        return jdbc.sql("SELECT id, seat_number, price_minor, delivery_types FROM tickets WHERE row_id = :row AND "
                        + "NOT sold AND held_until IS NULL AND " + range + " ORDER BY id LIMIT :quantity FOR UPDATE SKIP LOCKED")
                .param("row", rowId).param("start", start).param("quantity", quantity).query(HoldRepository::map).list();
    }

    /** A seat of the block {@link #lockFirstBlock} chose, and whether this transaction has it locked now. */
    record BlockSeat(HeldTicket ticket, boolean locked) {
    }

    /**
     * In one statement, finds the row's first {@code quantity} side-by-side seats among those available now, leaving
     * out {@code skip}, and locks them, skipping those another transaction is taking (locking re-checks availability
     * against the latest commit). The block's seats in seat order, each marked locked or not; none if the row has
     * no such block. It walks the free seats in the seat index's order and stops at the first that has a free seat
     * {@code quantity - 1} places on with the number {@code quantity - 1} higher: every seat between is free too, so
     * the cost is the seats before the block, not the row.
     */
    List<BlockSeat> lockFirstBlock(String rowId, Instant now, int quantity, Collection<String> skip) {
        return jdbc.sql("""
                        WITH first AS (
                            SELECT seat_number AS first_seat, last_seat FROM (
                                SELECT seat_number, lead(seat_number, :quantity - 1) OVER (ORDER BY seat_number) AS last_seat
                                FROM tickets WHERE row_id = :row AND seat_number IS NOT NULL AND id <> ALL (:skip) AND\s"""
                        + TicketRepository.AVAILABLE + """
                            ) free WHERE last_seat = seat_number + :quantity - 1 ORDER BY seat_number LIMIT 1),
                        block AS (
                            SELECT t.id, t.seat_number, t.price_minor, t.delivery_types FROM tickets t, first
                            WHERE t.row_id = :row AND t.seat_number BETWEEN first.first_seat AND first.last_seat),
                        locked AS (
                            SELECT id FROM tickets WHERE id IN (SELECT id FROM block) AND\s"""
                        + TicketRepository.AVAILABLE + """
                             FOR UPDATE SKIP LOCKED)
                        SELECT b.id, b.seat_number, b.price_minor, b.delivery_types, l.id IS NOT NULL AS locked
                        FROM block b LEFT JOIN locked l ON l.id = b.id ORDER BY b.seat_number""")
                .param("row", rowId).param("now", ts(now)).param("quantity", quantity)
                .param("skip", skip.toArray(String[]::new))
                .query((rs, n) -> new BlockSeat(map(rs, n), rs.getBoolean("locked"))).list();
    }

    /** Gives the locked tickets to {@code holdId} until {@code until}. */
    int take(Collection<String> ticketIds, String holdId, Instant until) {
        return jdbc.sql("UPDATE tickets SET hold_id = :hold, held_until = :until WHERE id = ANY(:ids)")
                .param("hold", holdId).param("until", ts(until)).param("ids", ticketIds.toArray(String[]::new)).update();
    }

    /** Moves unsold tickets from one owner to another, as long as the first still owns them. */
    int move(Collection<String> ticketIds, String fromHold, String toHold, Instant until) {
        return jdbc.sql("""
                        UPDATE tickets SET hold_id = :to, held_until = :until
                        WHERE id = ANY(:ids) AND hold_id = :from AND NOT sold""")
                .param("to", toHold).param("until", ts(until)).param("from", fromHold)
                .param("ids", ticketIds.toArray(String[]::new)).update();
    }

    /** Locks the owner's unsold tickets whose hold has not expired. */
    int lockHeld(String holdId, Instant now) {
        return jdbc.sql("SELECT id FROM tickets WHERE hold_id = :hold AND NOT sold AND held_until > :now FOR UPDATE")
                .param("hold", holdId).param("now", ts(now)).query(String.class).list().size();
    }

    /** Sets until when the owner's unsold tickets are held. */
    int extend(String holdId, Instant until) {
        return jdbc.sql("UPDATE tickets SET held_until = :until WHERE hold_id = :hold AND NOT sold")
                .param("hold", holdId).param("until", ts(until)).update();
    }

    int sell(String holdId) {
        return jdbc.sql("UPDATE tickets SET sold = true, held_until = NULL WHERE hold_id = :hold AND NOT sold")
                .param("hold", holdId).update();
    }

    /** Returns the owner's tickets to sale, sold or not (a cancelled order gives its seats back). */
    int release(String holdId) {
        return jdbc.sql("UPDATE tickets SET sold = false, hold_id = NULL, held_until = NULL WHERE hold_id = :hold")
                .param("hold", holdId).update();
    }

    /**
     * Forgets up to {@code limit} tickets' holds that expired before {@code before}: only tidying, availability never
     * depended on it. Batches keep the stock lines it touches locked only briefly.
     */
    int clearExpired(Instant before, int limit) {
        return jdbc.sql("""
                        UPDATE tickets SET hold_id = NULL, held_until = NULL
                        WHERE id IN (SELECT id FROM tickets WHERE NOT sold AND held_until <= :before LIMIT :limit
                                     FOR UPDATE SKIP LOCKED)""")
                .param("before", ts(before)).param("limit", limit).update();
    }

    private static HeldTicket map(ResultSet rs, int n) throws SQLException {
        int seat = rs.getInt("seat_number");
        Integer seatNumber = rs.wasNull() ? null : seat;
        Array types = rs.getArray("delivery_types");
        return new HeldTicket(rs.getString("id"), seatNumber, rs.getLong("price_minor"),
                Arrays.asList((String[]) types.getArray()));
    }
}
