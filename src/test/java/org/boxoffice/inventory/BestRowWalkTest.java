package org.boxoffice.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.boxoffice.catalog.Section;
import org.boxoffice.support.Fixtures.TestEvent;
import org.junit.jupiter.api.Test;

/**
 * The best-row choice walks the rows that have anything available (migration V24), and finds the lines that only an
 * expired hold frees from the event's hold lines in expiry order: the first 64, or all of them when the sweeper is
 * that far behind.
 */
class BestRowWalkTest extends InventoryTest {

    @Test
    void theBestRowIsFoundWhenMoreHoldsHaveExpiredUnsweptThanTheFirstLook() {
        TestEvent event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 2, "10.00"), seats("A", "3", 1, 150, "10.00")));
        Section section = catalog.layout(event.id()).requireSection("A");
        Instant now = clock.instant();
        // 70 holds on row 3 expire first; the one on row 1, the best row, expires last.
        for (int i = 0; i < 70; i++) {
            String holdId = "qt_early_" + i;
            transaction.executeWithoutResult(s -> holds.hold(holdId, section, section.row("3"), 2,
                    now.plus(Duration.ofMinutes(10))));
        }
        transaction.executeWithoutResult(s -> holds.hold("qt_late", section, section.row("1"), 2,
                now.plus(Duration.ofMinutes(20))));
        assertThat(bestRowFor2(event.id())).as("the control: row 1 is held, so row 3 it is").isEqualTo("3");

        clock.advance(Duration.ofMinutes(30));
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_stock_holds WHERE event_id = :e AND held_until <= :now")
                .param("e", event.id()).param("now", java.sql.Timestamp.from(clock.instant())).query(Long.class).single())
                .as("expired and not swept").isEqualTo(71);
        assertThat(bestRowFor2(event.id())).isEqualTo("1");
    }

    /** The row a hold of 2 seats without a row takes now (the hold is rolled back). */
    private String bestRowFor2(String eventId) {
        return transaction.execute(s -> {
            Section section = catalog.layout(eventId).requireSection("A");
            Hold hold = holds.hold("qt_probe", section, Optional.empty(), 2, clock.instant().plus(Duration.ofMinutes(1)));
            s.setRollbackOnly();
            return section.rows().stream().filter(r -> r.id().equals(hold.rowId())).findFirst().orElseThrow().name();
        });
    }
}
