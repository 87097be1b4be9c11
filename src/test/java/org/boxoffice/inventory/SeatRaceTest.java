package org.boxoffice.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.catalog.Row;
import org.boxoffice.catalog.Section;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many buyers, few seats. The gated runs make every racer read the same free seats before any of them writes, so the
 * race happens every time: with row locks each seat still goes to one buyer; the control, the same code with its row
 * locks overridden away in a test subclass, oversells — which shows the test can see a race when there is one.
 */
class SeatRaceTest extends ApiTest {
    private static final int SEATS = 10;
    private static final int RACERS = 15; // fewer than the connection pool, so every racer reaches the gate
    private static final int ROUNDS = 5;
    @Autowired
    StockRepository stock;
    @Autowired
    CatalogService catalog;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock appClock;

    /** Lets every racer read the free seats, then releases them all at once to write. */
    static final class GatedHoldRepository extends HoldRepository {
        private final CyclicBarrier gate;
        private final ThreadLocal<Boolean> passed = ThreadLocal.withInitial(() -> false);

        GatedHoldRepository(JdbcClient jdbc, CyclicBarrier gate) {
            super(jdbc);
            this.gate = gate;
        }

        /** The control's read: every racer has read the same free seats before any goes on. */
        @Override
        List<HeldTicket> available(String rowId, Instant now) {
            List<HeldTicket> free = super.available(rowId, now);
            once();
            return free;
        }

        /** The real read-and-lock: every racer sends it at the same moment. */
        @Override
        List<HeldTicket> lockFirstFree(String rowId, Instant now, int quantity) {
            once();
            return super.lockFirstFree(rowId, now, quantity);
        }

        private void once() {
            if (!passed.get()) {
                passed.set(true);
                Race.await(gate);
            }
        }
    }

    /** The control: the same hold code with its row locks taken out (every free seat read is taken as locked). */
    static final class Unlocked extends HoldService {
        private final HoldRepository holds;

        Unlocked(HoldRepository holds, StockRepository stock, Clock clock) {
            super(holds, stock, clock);
            this.holds = holds;
        }

        @Override
        List<HeldTicket> lockAnyFree(Row row, int quantity, Instant now) {
            return holds.available(row.id(), now).stream().limit(quantity).toList();
        }

        @Override
        List<HeldTicket> lockFirstFree(Row row, int quantity, Instant now) {
            return lockAnyFree(row, quantity, now);
        }

        @Override
        Set<String> lockIfFree(List<String> ticketIds, Instant now) {
            return Set.copyOf(ticketIds);
        }
    }

    private record Outcome(int holds, List<List<String>> claimed) {
        Set<String> distinct() {
            Set<String> all = new HashSet<>();
            claimed.forEach(all::addAll);
            return all;
        }
    }

    private Outcome race(boolean locking) throws Exception {
        TestEvent event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, SEATS, "10.00")));
        Section section = catalog.layout(event.id()).requireSection("A");
        GatedHoldRepository gated = new GatedHoldRepository(jdbc, new CyclicBarrier(RACERS));
        HoldService service = locking ? new HoldService(gated, stock, appClock) : new Unlocked(gated, stock, appClock);
        List<List<String>> claimed = Race.results(RACERS, racer -> transaction.execute(status -> {
            try {
                return service.hold("race-" + locking + "-" + racer + "-" + event.id(), section, Optional.empty(), 1,
                        appClock.instant().plus(Duration.ofMinutes(15))).ticketIds();
            } catch (NoInventoryAvailable e) {
                return null;
            }
        })).stream().filter(java.util.Objects::nonNull).toList();
        return new Outcome(claimed.size(), claimed);
    }

    @Test
    void withRowLocksEverySeatGoesToExactlyOneBuyer() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Outcome outcome = race(true);
            assertThat(outcome.holds()).as("round %d", round).isEqualTo(SEATS);
            assertThat(outcome.distinct()).as("round %d", round).hasSize(SEATS);
        }
    }

    /** Measured: the control oversells in 5 of 5 rounds (15 holds of 10 seats, each seat held by several). */
    @Test
    void controlWithoutRowLocksTheSameRaceOversells() throws Exception {
        int oversold = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Outcome outcome = race(false);
            oversold += outcome.holds() > SEATS && outcome.distinct().size() < outcome.holds() ? 1 : 0;
        }
        assertThat(oversold).isEqualTo(ROUNDS);
    }

    @Test
    void fiftyPartnersQuotingTheLastTenSeatsGetTenQuotesOverHttp() throws Exception {
        TestEvent event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, SEATS, "10.00")));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tokens.add(fixtures.token(fixtures.buyer()));
        }
        List<Integer> codes = Race.results(tokens.size(), partner -> Race.untilServed(() -> buying.quote(tokens.get(partner),
                event.id(), "A", "1", 1).extract().statusCode()));
        assertThat(codes.stream().filter(c -> c == 201).count()).isEqualTo(SEATS);
        assertThat(codes.stream().filter(c -> c == 422).count()).isEqualTo(50 - SEATS);
        List<String> held = jdbc.sql("SELECT unnest(ticket_ids) FROM quotes WHERE event_id = :e").param("e", event.id())
                .query(String.class).list();
        assertThat(held).hasSize(SEATS).doesNotHaveDuplicates();
        long onHold = jdbc.sql("SELECT count(DISTINCT hold_id) FROM tickets WHERE event_id = :e AND hold_id IS NOT NULL")
                .param("e", event.id()).query(Long.class).single();
        assertThat(onHold).isEqualTo(SEATS);
    }
}
