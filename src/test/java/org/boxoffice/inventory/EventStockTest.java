package org.boxoffice.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.boxoffice.support.Fixtures.seats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.boxoffice.catalog.AvailabilitySummaries.Summary;
import org.boxoffice.catalog.Section;
import org.boxoffice.support.StockRecount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commits queued on one stock line or one event stripe (migration V22). A third connection holds the line or the
 * stripe until both commits are waiting for it, so the two really overlap. Two commits on two lines of one stripe:
 * the first to lock the stripe recounts its lowest price while the other's change is not committed yet, and the
 * other corrects it when its turn comes. Two buyers of one line: each has written its hold line (which keeps a
 * foreign-key share lock on the stock line) before it locks the line, and neither waits for the other's.
 */
class EventStockTest extends InventoryTest {
    private String event;
    private Section section;
    private Instant later;

    /** Nine lines of consecutive ids: the first (row 1 at 10.00) and the ninth (row 3 at 20.00) share a stripe. */
    @BeforeEach
    void nineLines() {
        event = fixtures.event(Duration.ofDays(10), List.of()).id();
        List<Map<String, Object>> lines = new ArrayList<>(List.of(seats("A", "1", 1, 2, "10.00")));
        for (int n = 1; n <= 7; n++) {
            lines.add(seats("A", "2", n, n, (30 + n) + ".00"));
        }
        lines.add(seats("A", "3", 1, 2, "20.00"));
        fixtures.tickets(event, lines);
        section = catalog.layout(event).requireSection("A");
        later = clock.instant().plus(Duration.ofHours(1));
        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT stock_stripe(id)) FROM ticket_stock
                        WHERE event_id = :e AND price_minor IN (1000, 2000)""")
                .param("e", event).query(Long.class).single()).as("rows 1 and 3 share a stripe").isEqualTo(1);
    }

    @Test
    void theCheapestLineEmptiedWhileAnotherLineOfItsStripeIsFreedEndsAtTheFreedLinesPrice() throws Exception {
        Hold third = transaction.execute(s -> holds.hold("qt_row3", section, section.row("3"), 2, later));
        assertThat(summary()).isEqualTo(new Summary(2 + 7, 1000L));

        racing(stripeOfRowOneLocked(), () -> holds.hold("qt_row1", section, section.row("1"), 2, later),
                () -> holds.release(third.holdId()));

        assertThat(StockRecount.differences(jdbc)).isEmpty();
        assertThat(summary()).as("row 3 free again, row 1 held").isEqualTo(new Summary(2 + 7, 2000L));
    }

    @Test
    void bothLinesOfAStripeEmptiedAtOnceLeaveItWithoutAPrice() throws Exception {
        racing(stripeOfRowOneLocked(), () -> holds.hold("qt_row1", section, section.row("1"), 2, later),
                () -> holds.hold("qt_row3", section, section.row("3"), 2, later));

        assertThat(StockRecount.differences(jdbc)).isEmpty();
        assertThat(summary()).as("only row 2's seats, from 31.00").isEqualTo(new Summary(7, 3100L));
        assertThat(jdbc.sql("SELECT min_price IS NULL FROM event_stock WHERE event_id = :e AND stripe = :s")
                .param("e", event).param("s", stripeOfRowOne()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void twoBuyersQueuedAtTheCommitOfOneLineBothCommit() throws Exception {
        long line = jdbc.sql("SELECT id FROM ticket_stock WHERE event_id = :e AND price_minor = 1000")
                .param("e", event).query(Long.class).single();
        racing("SELECT 1 FROM ticket_stock WHERE id = " + line + " FOR NO KEY UPDATE",
                () -> holds.hold("qt_seat1", section, section.row("1"), 1, later),
                () -> holds.hold("qt_seat2", section, section.row("1"), 1, later));

        assertThat(StockRecount.differences(jdbc)).isEmpty();
        assertThat(summary()).as("row 1 held, a seat by each").isEqualTo(new Summary(7 + 2, 2000L));
    }

    private Summary summary() {
        return availability.forEvents(List.of(event)).get(event);
    }

    private int stripeOfRowOne() {
        return jdbc.sql("SELECT stock_stripe(id) FROM ticket_stock WHERE event_id = :e AND price_minor = 1000")
                .param("e", event).query(Integer.class).single();
    }

    private String stripeOfRowOneLocked() {
        return "SELECT 1 FROM event_stock WHERE event_id = '" + event + "' AND stripe = " + stripeOfRowOne()
                + " FOR NO KEY UPDATE";
    }

    /**
     * Runs first and then second, each in its own transaction, while another connection holds what {@code gateSql}
     * locks: both commits queue behind it (first in front), and only then is it let go.
     */
    private void racing(String gateSql, Runnable first, Runnable second) throws Exception {
        try (Connection gate = dataSource.getConnection();
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            gate.setAutoCommit(false);
            try (PreparedStatement lock = gate.prepareStatement(gateSql)) {
                assertThat(lock.executeQuery().next()).isTrue();
            }
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> inTransaction(first), threads);
            await().atMost(Duration.ofSeconds(10)).until(() -> commitsWaiting() == 1);
            CompletableFuture<Void> two = CompletableFuture.runAsync(() -> inTransaction(second), threads);
            await().atMost(Duration.ofSeconds(10)).until(() -> commitsWaiting() == 2);
            gate.commit();
            one.get(10, TimeUnit.SECONDS);
            two.get(10, TimeUnit.SECONDS);
        }
    }

    /** The pool's lock_timeout (1 s) would answer a queued commit 503; here it waits as long as the test needs. */
    private void inTransaction(Runnable work) {
        transaction.executeWithoutResult(s -> {
            jdbc.sql("SET LOCAL lock_timeout = '30s'").update();
            work.run();
        });
    }

    private long commitsWaiting() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query = 'COMMIT'")
                .query(Long.class).single();
    }
}
