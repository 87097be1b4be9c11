package org.boxoffice.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.boxoffice.catalog.Row;
import org.boxoffice.catalog.Section;
import org.boxoffice.inventory.HoldRepository.BlockSeat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds on tickets: the one way quotes and basket items take seats off sale, and orders sell them. Each method
 * joins the caller's transaction, so a hold and the record that owns it commit together or not at all.
 */
@Service
public class HoldService {
    /** Until when an order's tickets are held while its payment is settled: they must not expire meanwhile. */
    public static final Instant UNTIL_SETTLED = Instant.parse("9999-12-31T00:00:00Z");
    private final HoldRepository holds;
    private final StockRepository stock;
    private final Clock clock;

    HoldService(HoldRepository holds, StockRepository stock, Clock clock) {
        this.holds = holds;
        this.stock = stock;
        this.clock = clock;
    }

    /**
     * Holds {@code quantity} tickets of the section: in the given row, or else in the best row that has them —
     * best rank first, the cheaper row on a tie; seated tickets must be side by side, GA tickets are any.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Hold hold(String holdId, Section section, Optional<Row> row, int quantity, Instant until) {
        Instant now = Instant.now(clock);
        if (row.isPresent()) {
            return holdIn(holdId, section, row.get(), quantity, until, now)
                    .orElseThrow(() -> new NoInventoryAvailable(quantity, "in row " + row.get().name()));
        }
        Set<String> tried = new HashSet<>();
        for (List<Row> batch = candidates(section, quantity, tried, now); !batch.isEmpty();
             batch = candidates(section, quantity, tried, now)) {
            for (Row candidate : batch) {
                tried.add(candidate.id());
                Optional<Hold> hold = holdIn(holdId, section, candidate, quantity, until, now);
                if (hold.isPresent()) {
                    return hold.get();
                }
            }
        }
        throw new NoInventoryAvailable(quantity, "in section " + section.name());
    }

    private Optional<Hold> holdIn(String holdId, Section section, Row row, int quantity, Instant until, Instant now) {
        List<HeldTicket> block = section.ga() ? lockGa(row, quantity, now) : lockBlock(row, quantity, now);
        if (block.isEmpty()) {
            return Optional.empty();
        }
        holds.take(block.stream().map(HeldTicket::ticketId).toList(), holdId, until);
        return Optional.of(new Hold(holdId, row.id(), block, until));
    }

    private List<HeldTicket> lockGa(Row row, int quantity, Instant now) {
        List<HeldTicket> free = lockAnyFree(row, quantity, now);
        return free.size() == quantity ? free : List.of();
    }

    /** Locks up to {@code quantity} free tickets of the row, skipping those other transactions are taking. */
    List<HeldTicket> lockAnyFree(Row row, int quantity, Instant now) {
        return holds.lockAny(row.id(), now, quantity);
    }

    /** Locks the row's first {@code quantity} free seats that no other transaction is taking, in seat order. */
    List<HeldTicket> lockFirstFree(Row row, int quantity, Instant now) {
        return holds.lockFirstFree(row.id(), now, quantity);
    }

    /** Locks the row's first free block of {@code quantity} side-by-side seats, leaving out {@code busy}. */
    List<BlockSeat> lockFirstBlock(Row row, int quantity, Set<String> busy, Instant now) {
        return holds.lockFirstBlock(row.id(), now, quantity, busy);
    }

    /**
     * First, in one statement, locks the first {@code quantity} free seats of the row that no other transaction is
     * taking: in an on-sale every buyer wants the first free seats of the same row, and this gives each of them the
     * next block, side by side, without waiting for the others or reading the row again. Fewer than that free means
     * the row has no such block now (seats others are taking count as taken, as for any hold); if they are not side
     * by side (sold seats between them), it looks for a block: {@link #findBlock}.
     */
    private List<HeldTicket> lockBlock(Row row, int quantity, Instant now) {
        List<HeldTicket> first = lockFirstFree(row, quantity, now);
        if (first.size() < quantity) {
            return List.of();
        }
        return contiguous(first, quantity).size() == quantity ? first : findBlock(row, quantity, now);
    }

    /**
     * Finds the first block of side-by-side seats and locks it, in one statement (skipping seats other transactions
     * are taking, re-checking availability). Seats it could not lock are left out of the next try, so concurrent
     * buyers spread over the row instead of failing while seats remain. The seats the first try locked are this
     * transaction's own, so they stay free to it.
     */
    private List<HeldTicket> findBlock(Row row, int quantity, Instant now) {
        Set<String> busy = new HashSet<>();
        while (true) {
            List<BlockSeat> block = lockFirstBlock(row, quantity, busy, now);
            List<String> missed = block.stream().filter(seat -> !seat.locked()).map(seat -> seat.ticket().ticketId()).toList();
            if (missed.isEmpty()) {
                return block.stream().map(BlockSeat::ticket).toList();
            }
            busy.addAll(missed);
        }
    }

    /** Moves tickets from one owner to another (a quote's to its order and back); false if the first lost them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean move(List<String> ticketIds, String fromHold, String toHold, Instant until) {
        return holds.move(ticketIds, fromHold, toHold, until) == ticketIds.size();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int sell(String holdId) {
        return holds.sell(holdId);
    }

    /** Sells all {@code quantity} tickets of the owner, or none: true if it still held every one of them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean sellAll(String holdId, int quantity) {
        if (holds.lockHeld(holdId, Instant.now(clock)) != quantity) {
            return false;
        }
        return holds.sell(holdId) == quantity;
    }

    /** Holds the owner's tickets until {@code until} (longer while a payment is pending, back after it failed). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int extend(String holdId, Instant until) {
        return holds.extend(holdId, until);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int release(String holdId) {
        return holds.release(holdId);
    }

    /** Forgets holds that have expired, a batch at a time (each its own transaction); returns how many tickets. */
    @Transactional
    public int clearExpired(int batch) {
        return holds.clearExpired(Instant.now(clock), batch);
    }

    /**
     * The next few rows of the section that could have the tickets now, best first, leaving out those tried already;
     * locking then decides. In an on-sale the first of them nearly always has the seats.
     */
    private List<Row> candidates(Section section, int quantity, Set<String> tried, Instant now) {
        Map<String, Row> rows = section.rows().stream().collect(Collectors.toMap(Row::id, Function.identity()));
        return stock.candidateRows(section.eventId(), section.id(), section.ga(), quantity, tried, now).stream()
                .map(rows::get).toList();
    }

    /** The first run of {@code quantity} consecutive seat numbers among the free seats (sorted by seat). */
    static List<HeldTicket> contiguous(List<HeldTicket> free, int quantity) {
        int start = 0;
        for (int i = 0; i < free.size(); i++) {
            if (i > 0 && free.get(i).seatNumber() != free.get(i - 1).seatNumber() + 1) {
                start = i;
            }
            if (i - start + 1 == quantity) {
                return free.subList(start, i + 1);
            }
        }
        return List.of();
    }
}
