package org.boxoffice.inventory;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Json;
import org.boxoffice.support.StockRecount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A row whose seats are in several stock lines (different prices) is read from their seats, not from one line's free
 * run: every line of the row knows it has company ({@code shared_row}, migration V20), also when the row's lines come
 * from two loads running at the same time.
 */
class SharedRowTest extends InventoryTest {
    @Autowired
    TicketLoader loader;
    private TestEvent event;

    @BeforeEach
    void rowOfFiveSeats() {
        event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 5, "50.00")));
    }

    private static TicketBatch backOfTheRow() {
        return new TicketBatch("test", "A", "1", 6, 10, null, "40.00", List.of("mobile_transfer"));
    }

    private List<Boolean> sharedFlags() {
        return jdbc.sql("SELECT shared_row FROM ticket_stock WHERE event_id = :e ORDER BY id").param("e", event.id())
                .query(Boolean.class).list();
    }

    @Test
    void aRowLoadedAtTwoPricesIsReadFromTheSeatsOfBothLines() {
        loader.load(event.id(), List.of(backOfTheRow()), "tickets");
        assertThat(sharedFlags()).containsExactly(true, true);
        AvailabilityService.RowAvailability row = availability.rows(event.id(), "A").getFirst();
        assertThat(row.available()).isEqualTo(10);
        assertThat(row.maxContiguous()).as("seats 1-5 and 6-10 are side by side").isEqualTo(10);
        assertThat(row.minPriceMinor()).isEqualTo(4000);

        transaction.executeWithoutResult(s -> holds.hold("qt_middle", catalog.layout(event.id()).requireSection("A"),
                catalog.layout(event.id()).requireSection("A").row("1"), 3, clock.instant().plus(Duration.ofHours(1))));
        row = availability.rows(event.id(), "A").getFirst();
        assertThat(row.available()).isEqualTo(7);
        assertThat(row.maxContiguous()).as("seats 4-10").isEqualTo(7);
        assertThat(StockRecount.differences(jdbc)).isEmpty();
    }

    @Test
    void twoLoadsAddingARowsLinesAtOnceBothMarkIt() throws Exception {
        String otherEvent = fixtures.event(Duration.ofDays(10), List.of()).id();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        // The first load adds the front of a fresh row and stays open; the second adds the back meanwhile.
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> {
            loader.load(otherEvent, List.of(new TicketBatch("test", "A", "1", 1, 5, null, "50.00",
                    List.of("mobile_transfer"))), "tickets");
            inserted.countDown();
            waitFor(finish);
        }), threads);
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        // The pool's lock_timeout (1 s) would answer the waiting load 503; here it waits as long as the test needs.
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> {
            jdbc.sql("SET LOCAL lock_timeout = '30s'").update();
            loader.load(otherEvent, List.of(backOfTheRow()), "tickets");
        }), threads);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'
                  AND query LIKE '%INSERT INTO ticket_stock%'""")
                .query(Long.class).single() == 1);
        finish.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        threads.close();
        assertThat(jdbc.sql("SELECT shared_row FROM ticket_stock WHERE event_id = :e").param("e", otherEvent)
                .query(Boolean.class).list()).containsExactly(true, true);
        assertThat(availability.rows(otherEvent, "A").getFirst().maxContiguous()).isEqualTo(10);
    }

    /** The control: without waiting for the first load, the second's check does not see the first's line. */
    @Test
    void controlAnOpenLoadsLineIsInvisibleToAnotherTransaction() throws Exception {
        String otherEvent = fixtures.event(Duration.ofDays(10), List.of()).id();
        transaction.executeWithoutResult(s -> {
            loader.load(otherEvent, List.of(new TicketBatch("test", "A", "1", 1, 5, null, "50.00",
                    List.of("mobile_transfer"))), "tickets");
            try (Connection other = dataSource.getConnection();
                 ResultSet seen = other.createStatement().executeQuery(
                         "SELECT count(*) FROM ticket_stock WHERE event_id = '" + otherEvent + "'")) {
                seen.next();
                assertThat(seen.getLong(1)).isZero();
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        });
    }

    /**
     * Rows of several lines are candidates by their count, so ten rows of two free seats apart (seat 1 at one price,
     * seat 3 at another) all look able to seat two: the best-row choice tries them and goes on past them to the one
     * row with two seats side by side.
     */
    @Test
    void theBestRowIsFoundPastRowsThatOnlyLookAbleToSeatTheQuote() {
        List<Map<String, Object>> rows = IntStream.rangeClosed(1, 11)
                .mapToObj(n -> obj("name", String.valueOf(n), "rank", n)).toList();
        String eleven = admin().contentType(JSON).body(Json.of(obj("name", "Eleven rows",
                        "venue_id", fixtures.venue("Eleven", "UTC"), "event_datetime_utc",
                        clock.instant().plus(Duration.ofDays(10)).toString(), "performer_ids", List.of(),
                        "sections", List.of(obj("name", "A", "rows", rows)))))
                .post("/admin/v1/events").then().statusCode(201).extract().path("data.event.event_id");
        List<Map<String, Object>> tickets = new java.util.ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            tickets.add(seats("A", String.valueOf(n), 1, 1, "10.00"));
            tickets.add(seats("A", String.valueOf(n), 3, 3, "20.00"));
        }
        tickets.add(seats("A", "11", 1, 2, "30.00"));
        fixtures.tickets(eleven, tickets);
        assertThat(availability.rows(eleven, "A")).hasSize(11).allSatisfy(r -> assertThat(r.available()).isEqualTo(2))
                .filteredOn(r -> r.maxContiguous() == 2).extracting(r -> r.row().name()).containsExactly("11");

        Hold hold = transaction.execute(s -> holds.hold("qt_eleven", catalog.layout(eleven).requireSection("A"),
                Optional.empty(), 2, clock.instant().plus(Duration.ofHours(1))));
        assertThat(catalog.layout(eleven).requireSection("A").rows()).filteredOn(r -> r.id().equals(hold.rowId()))
                .extracting(org.boxoffice.catalog.Row::name).containsExactly("11");
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
