package org.boxoffice.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.ga;
import static org.boxoffice.support.Fixtures.seats;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The rows answer a node keeps per section (migration V26, {@link RowsAnswers}): served again only while the section's
 * stock lines are the very ones it was made from and none of its holds has expired, so every change is seen at once.
 */
class RowsAnswersTest extends ApiTest {
    private static final Function<List<AvailabilityService.RowAvailability>, ?> COUNTS =
            rows -> rows.stream().map(r -> r.row().name() + "=" + r.available()).toList();

    @Autowired
    private AvailabilityService availability;
    @Autowired
    private JsonMapper json;
    private RowsAnswers answers;
    @Autowired
    private StockRepository stock;
    @Autowired
    private CatalogService catalog;
    private String token;
    private TestEvent event;

    @BeforeEach
    void inventory() {
        answers = new RowsAnswers(availability, json, COUNTS);
        token = fixtures.token(fixtures.partner());
        event = fixtures.event(Duration.ofDays(20), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 10, "120.00"), seats("A", "2", 1, 10, "100.00"),
                ga("GA", 50, "45.00")));
    }

    private void hold(String row, int seats, Duration left) {
        OffsetDateTime until = OffsetDateTime.ofInstant(clock.instant().plus(left), ZoneOffset.UTC);
        jdbc.sql("""
                        UPDATE tickets t SET hold_id = 'qt_test', held_until = :until FROM seat_rows r
                        WHERE r.id = t.row_id AND t.event_id = :e AND r.name = :row AND t.seat_number <= :seats""")
                .param("until", until).param("e", event.id()).param("row", row).param("seats", seats).update();
    }

    private String tag() {
        String section = catalog.layout(event.id()).requireSection("A").id();
        return stock.sectionLines(event.id(), section, clock.instant(), null).tag();
    }

    @Test
    void anUnchangedSectionIsAnsweredWithTheKeptJsonAndAChangeInItAtOnce() {
        RawValue first = answers.rows(event.id(), "A");
        assertThat(answers.rows(event.id(), "A")).isSameAs(first);
        jdbc.sql("UPDATE tickets SET sold = true WHERE event_id = :e AND seat_number IS NULL AND id IN "
                + "(SELECT id FROM tickets WHERE event_id = :e AND seat_number IS NULL LIMIT 5)").param("e", event.id()).update();
        assertThat(answers.rows(event.id(), "A")).as("another section's sale").isSameAs(first);

        hold("2", 3, Duration.ofMinutes(15));
        RawValue changed = answers.rows(event.id(), "A");
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.rawValue().toString()).isEqualTo("[\"1=10\",\"2=7\"]");
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().statusCode(200)
                .body("data.row_name", contains("1", "2")).body("data[1].available_quantity", equalTo(7));
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().statusCode(200)
                .body("success", equalTo(true)).body("data[1].available_quantity", equalTo(7));
    }

    @Test
    void everyWriteOfALineOfTheSectionChangesItsTagAndOnlyThose() {
        String section = catalog.layout(event.id()).requireSection("A").id();
        String before = tag();
        assertThat(stock.sectionLines(event.id(), section, clock.instant(), before).lines()).as("unchanged").isNull();
        assertThat(stock.sectionLines(event.id(), section, clock.instant(), "other").lines()).hasSize(2);

        jdbc.sql("UPDATE tickets SET sold = true WHERE event_id = :e AND seat_number IS NULL").param("e", event.id()).update();
        assertThat(tag()).as("a sale on the GA floor").isEqualTo(before);
        hold("1", 2, Duration.ofMinutes(15));
        String held = tag();
        assertThat(held).as("a hold").isNotEqualTo(before);
        jdbc.sql("UPDATE tickets SET sold = true WHERE hold_id = 'qt_test'").update();
        jdbc.sql("UPDATE tickets SET sold = false, hold_id = NULL, held_until = NULL WHERE hold_id = 'qt_test'").update();
        String released = tag();
        assertThat(released).as("a refund back to free").isNotEqualTo(held);
        jdbc.sql("UPDATE ticket_stock SET free = free WHERE section_id = :s").param("s", section).update();
        assertThat(tag()).as("an operator's own SQL, even writing nothing new").isNotEqualTo(released);
    }

    @Test
    void anExpiredHoldIsFreeAtOnceAndAnAnswerCountingItIsNotKept() {
        hold("1", 4, Duration.ofMinutes(15));
        RawValue live = answers.rows(event.id(), "A");
        assertThat(live.rawValue().toString()).isEqualTo("[\"1=6\",\"2=10\"]");
        assertThat(answers.rows(event.id(), "A")).as("a live hold keeps the answer").isSameAs(live);

        clock.advance(Duration.ofMinutes(15));
        RawValue expired = answers.rows(event.id(), "A");
        assertThat(expired.rawValue().toString()).isEqualTo("[\"1=10\",\"2=10\"]");
        assertThat(answers.rows(event.id(), "A")).as("the clock alone changes it: not kept").isNotSameAs(expired);
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().statusCode(200)
                .body("data[0].available_quantity", equalTo(10));
    }

    @Test
    void seatsMovedFromAQuoteToAnOrderLeaveTheAnswerKeptPastTheQuotesExpiry() {
        hold("1", 4, Duration.ofMinutes(15));
        jdbc.sql("UPDATE tickets SET hold_id = 'ord_test', held_until = '9999-12-31T00:00:00Z' WHERE hold_id = 'qt_test'")
                .update(); // as an order does (HoldService.UNTIL_SETTLED): the stock line is not written
        clock.advance(Duration.ofMinutes(20));

        RawValue after = answers.rows(event.id(), "A");
        assertThat(after.rawValue().toString()).isEqualTo("[\"1=6\",\"2=10\"]");
        assertThat(answers.rows(event.id(), "A")).as("nothing has expired: kept").isSameAs(after);
    }
}
