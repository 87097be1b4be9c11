package org.boxoffice.inventory;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.ga;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvailabilityTest extends ApiTest {
    private String token;
    private TestEvent event;

    @BeforeEach
    void inventory() {
        token = fixtures.token(fixtures.partner());
        event = fixtures.event(Duration.ofDays(20), List.of());
        fixtures.tickets(event.id(), List.of(
                seats("A", "1", 1, 10, "120.00", "mobile_transfer"),
                seats("A", "2", 1, 10, "100.00", "mobile_transfer", "pdf"),
                seats("A", "2", 11, 12, "95.00", "mobile_qr"),
                ga("GA", 50, "45.00")));
    }

    /** Marks seats of a row as held until the given time or sold, as quotes and orders will. */
    private void mark(String row, List<Integer> seats, String set) {
        jdbc.sql("UPDATE tickets t SET " + set + " FROM seat_rows r WHERE r.id = t.row_id AND t.event_id = :e "
                        + "AND r.name = :row AND t.seat_number = ANY(:seats)")
                .param("e", event.id()).param("row", row).param("seats", seats.toArray(Integer[]::new)).update();
    }

    @Test
    void sectionsShowAvailableQuantityAndMinPrice() {
        as(token).get("/v1/events/" + event.id() + "/sections").then().statusCode(200)
                .body("data.section_name", contains("A", "GA"))
                .body("data[0].section_name_display", equalTo("Section A"))
                .body("data[0].is_ga", equalTo(false))
                .body("data[0].available_quantity", equalTo(22))
                .body("data[0].min_price.amount", equalTo("95.00"))
                .body("data[1].is_ga", equalTo(true))
                .body("data[1].available_quantity", equalTo(50));
    }

    @Test
    void rowsShowQuantityLongestRunPriceAndDeliveryTypesBestRankFirst() {
        mark("1", List.of(4, 5), "sold = true");
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().statusCode(200)
                .body("data.row_name", contains("1", "2"))
                .body("data[0].available_quantity", equalTo(8))
                .body("data[0].max_contiguous", equalTo(5))
                .body("data[0].unit_price.amount", equalTo("120.00"))
                .body("data[0].delivery_types", contains("mobile_transfer"))
                .body("data[1].available_quantity", equalTo(12))
                .body("data[1].max_contiguous", equalTo(12))
                .body("data[1].unit_price.amount", equalTo("95.00"))
                .body("data[1].delivery_types", contains("mobile_transfer", "mobile_qr", "pdf"));
        as(token).get("/v1/events/" + event.id() + "/sections/GA/rows").then().statusCode(200)
                .body("data[0].row_name", equalTo("GA")).body("data[0].max_contiguous", equalTo(50));
    }

    @Test
    void heldAndSoldTicketsAreNotAvailableAndAnExpiredHoldIsFreeAtOnce() {
        OffsetDateTime until = OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(15)), ZoneOffset.UTC);
        jdbc.sql("UPDATE tickets SET hold_id = 'qt_test', held_until = :until WHERE row_id IN "
                        + "(SELECT r.id FROM seat_rows r JOIN sections s ON s.id = r.section_id WHERE s.event_id = :e AND r.name = '1')")
                .param("until", until).param("e", event.id()).update();
        mark("2", List.of(1, 2, 3), "sold = true");
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then()
                .body("data.row_name", contains("2")).body("data[0].available_quantity", equalTo(9));
        as(token).get("/v1/events/" + event.id()).then().body("data.tickets_available", equalTo(59));
        clock.advance(Duration.ofMinutes(15));
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then()
                .body("data.row_name", contains("1", "2")).body("data[0].available_quantity", equalTo(10));
        as(token).get("/v1/events/" + event.id()).then().body("data.tickets_available", equalTo(69));
    }

    @Test
    void sectionsWithNothingAvailableAreLeftOut() {
        jdbc.sql("UPDATE tickets SET sold = true WHERE event_id = :e AND seat_number IS NULL").param("e", event.id()).update();
        as(token).get("/v1/events/" + event.id() + "/sections").then().body("data.section_name", contains("A"));
        as(token).get("/v1/events/" + event.id() + "/sections/GA/rows").then().statusCode(200).body("data", empty());
    }

    @Test
    void aSectionAddedAfterTheEventWasReadIsReadAtOnce() {
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().statusCode(200);
        as(token).get("/v1/events/" + event.id() + "/sections/BALC/rows").then().statusCode(404)
                .body("error.code", equalTo("SECTION_NOT_FOUND"));
        addSection("BALC", 1);
        as(token).get("/v1/events/" + event.id() + "/sections/BALC/rows").then().statusCode(200)
                .body("data.row_name", contains("1")).body("data[0].available_quantity", equalTo(4));
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().statusCode(200)
                .body("data.row_name", contains("1", "2"));
    }

    @Test
    void anAnswerLargerThanTomcatsDefaultChunkLeavesInOnePieceWithItsLength() {
        addSection("WIDE", 80);
        var answer = as(token).get("/v1/events/" + event.id() + "/sections/WIDE/rows").then().statusCode(200)
                .body("data", hasSize(80)).header("Transfer-Encoding", nullValue()).extract();
        int bytes = answer.asByteArray().length;
        assertThat(bytes).isGreaterThan(8 * 1024);
        assertThat(answer.header("Content-Length")).isEqualTo(Integer.toString(bytes));
    }

    /** A section added by the operator after the event was read, with {@code rows} rows of 4 seats on sale. */
    private void addSection(String name, int rows) {
        List<Map<String, Object>> plan = IntStream.rangeClosed(1, rows).mapToObj(r -> obj("name", Integer.toString(r), "rank", r))
                .toList();
        admin().contentType(JSON).body(Json.of(obj("name", name, "rows", plan)))
                .post("/admin/v1/events/" + event.id() + "/sections").then().statusCode(201);
        fixtures.tickets(event.id(), IntStream.rangeClosed(1, rows)
                .mapToObj(r -> seats(name, Integer.toString(r), 1, 4, "60.00", "pdf")).toList());
    }

    @Test
    void unknownEventOrSection() {
        as(token).get("/v1/events/evt_nope/sections").then().statusCode(404).body("error.code", equalTo("EVENT_NOT_FOUND"));
        as(token).get("/v1/events/evt_nope/sections/A/rows").then().statusCode(404).body("error.code", equalTo("EVENT_NOT_FOUND"));
        as(token).get("/v1/events/" + event.id() + "/sections/ZZ/rows").then().statusCode(404)
                .body("error.code", equalTo("SECTION_NOT_FOUND"));
    }
}
