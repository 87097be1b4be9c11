package org.boxoffice.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.support.Fixtures.ga;
import static org.boxoffice.support.Fixtures.seats;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.boxoffice.catalog.EventLayout;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.StockRecount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stock lines are brought up to date inside the commit (migration V18): a hold does not keep its row's stock line
 * locked while its transaction goes on, and whatever one transaction does — several holds, releases, a savepoint rolled
 * back — ends with summaries equal to the tickets and availability as the tickets say.
 */
class StockAtCommitTest extends InventoryTest {
    private TestEvent event;
    private EventLayout layout;

    @BeforeEach
    void tickets() {
        event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 10, "50.00"), ga("GA", 20, "30.00")));
        layout = catalog.layout(event.id());
    }

    private Instant inAnHour() {
        return clock.instant().plus(Duration.ofHours(1));
    }

    /** Tries to lock the row's stock lines from another connection, without waiting. */
    private void lockStockLinesOf(String section) throws SQLException {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            other.createStatement().execute("SELECT 1 FROM ticket_stock s JOIN sections x ON x.id = s.section_id "
                    + "WHERE s.event_id = '" + event.id() + "' AND x.name = '" + section + "' FOR UPDATE NOWAIT");
            other.rollback();
        }
    }

    @Test
    void aHoldLeavesItsStockLineFreeToOthersUntilItCommits() {
        transaction.executeWithoutResult(status -> {
            holds.hold("qt_open_seated", layout.requireSection("A"), Optional.empty(), 2, inAnHour());
            holds.hold("qt_open_ga", layout.requireSection("GA"), Optional.empty(), 3, inAnHour());
            try {
                lockStockLinesOf("A");
                lockStockLinesOf("GA");
            } catch (SQLException e) {
                throw new AssertionError("a stock line was locked before the commit", e);
            }
        });
        assertThat(StockRecount.differences(jdbc)).isEmpty();
        assertThat(availability.rows(event.id(), "A").getFirst().available()).isEqualTo(8);
        assertThat(availability.rows(event.id(), "GA").getFirst().available()).isEqualTo(17);
    }

    /** The control: the probe above does see a stock line locked by a transaction that has not ended. */
    @Test
    void controlTheProbeSeesALockedStockLine() throws SQLException {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT 1 FROM ticket_stock WHERE event_id = '" + event.id() + "' FOR UPDATE");
            assertThatThrownBy(() -> lockStockLinesOf("A")).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55P03");
            holder.rollback();
        }
    }

    @Test
    void severalChangesAndARolledBackSavepointInOneTransactionEndEqualToTheTickets() {
        transaction.executeWithoutResult(status -> {
            holds.hold("qt_first", layout.requireSection("A"), Optional.empty(), 2, inAnHour());
            holds.hold("qt_floor", layout.requireSection("GA"), Optional.empty(), 5, inAnHour());
            Object savepoint = status.createSavepoint();
            holds.hold("qt_undone", layout.requireSection("A"), Optional.empty(), 3, inAnHour());
            holds.sell("qt_floor");
            status.rollbackToSavepoint(savepoint);
            holds.release("qt_first");
            holds.hold("qt_last", layout.requireSection("A"), Optional.empty(), 4, inAnHour());
            holds.sell("qt_last");
        });
        assertThat(StockRecount.differences(jdbc)).isEmpty();
        AvailabilityService.RowAvailability row = availability.rows(event.id(), "A").getFirst();
        assertThat(row.available()).isEqualTo(6);
        assertThat(row.maxContiguous()).isEqualTo(6);
        assertThat(availability.rows(event.id(), "GA").getFirst().available()).isEqualTo(15);
    }

    /**
     * An on-sale queues on the best row's stock line, so what its commit writes while the line is locked matters: a
     * hold that leaves the line open rewrites it in place (a heap-only tuple: no index entry written, migration V25).
     */
    @Test
    void aHoldThatLeavesItsLineOpenUpdatesTheLineInPlace() {
        assertThat(stockLineUpdatesOfAHold(2)).containsExactly(1L, 1L);
    }

    /** The control: taking the row's last seats closes its line, which moves it out of the index of open lines. */
    @Test
    void controlAHoldThatClosesItsLineUpdatesTheIndex() {
        assertThat(stockLineUpdatesOfAHold(10)).containsExactly(1L, 0L);
    }

    /** Stock-line updates, then how many of them were in place, of a hold of {@code seats} of row A's ten (undone). */
    private List<Long> stockLineUpdatesOfAHold(int seats) {
        return transaction.execute(status -> {
            List<Long> before = stockLineUpdates();
            holds.hold("qt_in_place", layout.requireSection("A"), Optional.empty(), seats, inAnHour());
            jdbc.sql("SET CONSTRAINTS ALL IMMEDIATE").update(); // the stock lines' update, due at commit, now
            List<Long> after = stockLineUpdates();
            status.setRollbackOnly();
            return List.of(after.get(0) - before.get(0), after.get(1) - before.get(1));
        });
    }

    /** This connection's counts of stock-line updates and in-place ones not yet reported to the statistics. */
    private List<Long> stockLineUpdates() {
        return jdbc.sql("SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = 'ticket_stock'")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }
}
