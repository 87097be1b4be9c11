package org.boxoffice.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.support.Fixtures.seats;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.boxoffice.catalog.Section;
import org.boxoffice.support.Fixtures.TestEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The block search of a fragmented row ({@link HoldService}): when the row's first free seats are not side by side, a
 * hold takes the row's first block of free seats that are, walking the free seats in seat order. A seat whose hold has
 * expired is free; a sold seat and a seat held live are taken. A row without such a block fails and changes nothing.
 */
class BlockSearchTest extends InventoryTest {
    private TestEvent event;

    /** Row 1: seats 1, 3 and 5 free alone; 7 (its hold expired) and 8 free; 10, 11 and 12 free; the rest taken. */
    @BeforeEach
    void fragmentedRow() {
        event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 20, "50.00")));
        sellSeats(2, 6, 13, 14, 15, 16, 17, 18, 19, 20);
        holdSeats(Duration.ofMinutes(10), 4, 9);
        holdSeats(Duration.ofMinutes(-1), 7);
    }

    private void sellSeats(Integer... seatNumbers) {
        jdbc.sql("UPDATE tickets SET sold = true WHERE event_id = :e AND seat_number = ANY(:seats)")
                .param("e", event.id()).param("seats", seatNumbers).update();
    }

    private void holdSeats(Duration left, Integer... seatNumbers) {
        jdbc.sql("UPDATE tickets SET hold_id = 'qt_other', held_until = :until WHERE event_id = :e AND seat_number = ANY(:seats)")
                .param("until", OffsetDateTime.ofInstant(clock.instant().plus(left), ZoneOffset.UTC))
                .param("e", event.id()).param("seats", seatNumbers).update();
    }

    private List<Integer> hold(String holdId, int quantity) {
        Section section = catalog.layout(event.id()).requireSection("A");
        Hold hold = transaction.execute(s -> holds.hold(holdId, section, Optional.of(section.rows().getFirst()), quantity,
                clock.instant().plus(Duration.ofMinutes(15))));
        return hold.tickets().stream().map(HeldTicket::seatNumber).toList();
    }

    private List<String> rowState() {
        return jdbc.sql("SELECT seat_number || ':' || sold || ':' || coalesce(hold_id, '-') FROM tickets "
                + "WHERE event_id = :e ORDER BY seat_number").param("e", event.id()).query(String.class).list();
    }

    @Test
    void aHoldTakesTheFirstBlockPastTheSeatsThatAreFreeAlone() {
        assertThat(hold("qt_first", 2)).as("7 is free again, 8 next to it").containsExactly(7, 8);
        assertThat(hold("qt_second", 2)).containsExactly(10, 11);
        assertThatThrownBy(() -> hold("qt_third", 2)).isInstanceOf(NoInventoryAvailable.class);
    }

    @Test
    void aLongerBlockIsFoundPastShorterOnes() {
        assertThat(hold("qt_three", 3)).containsExactly(10, 11, 12);
    }

    @Test
    void aRowWithoutTheBlockFailsAndChangesNothing() {
        List<String> before = rowState();
        assertThatThrownBy(() -> hold("qt_four", 4)).isInstanceOf(NoInventoryAvailable.class);
        assertThat(rowState()).isEqualTo(before);
    }
}
