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
import java.util.HashSet;
import java.util.Set;
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

    /** The row's tickets available now, in seat order, without locking anything. */
    List<HeldTicket> available(String rowId, Instant now) {
        return jdbc.sql("SELECT id, seat_number, price_minor, delivery_types FROM tickets WHERE row_id = :row AND "
                        + TicketRepository.AVAILABLE + " ORDER BY seat_number NULLS LAST, id")
                .param("row", rowId).param("now", ts(now)).query(HoldRepository::map).list();
    }

    /**
     * Locks the row's first {@code quantity} available tickets in seat order that no other transaction is taking
     * (fewer if there are not that many). Locking re-checks availability against the latest commit.
     */
    List<HeldTicket> lockFirstFree(String rowId, Instant now, int quantity) {
        return jdbc.sql("SELECT id, seat_number, price_minor, delivery_types FROM tickets WHERE row_id = :row AND "
                        + TicketRepository.AVAILABLE + " ORDER BY seat_number, id LIMIT :quantity FOR UPDATE SKIP LOCKED")
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

    /** Locks those of the given tickets that are still available and not being taken by another transaction. */
    Set<String> lockIfAvailable(Collection<String> ticketIds, Instant now) {
        return new HashSet<>(jdbc.sql("SELECT id FROM tickets WHERE id = ANY(:ids) AND " + TicketRepository.AVAILABLE
                        + " FOR UPDATE SKIP LOCKED")
                .param("ids", ticketIds.toArray(String[]::new)).param("now", ts(now)).query(String.class).list());
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
