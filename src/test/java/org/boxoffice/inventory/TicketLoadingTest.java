package org.boxoffice.inventory;

import static io.restassured.http.ContentType.JSON;
import static org.boxoffice.support.Fixtures.ga;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.Test;

class TicketLoadingTest extends ApiTest {

    private long ticketsOf(String eventId) {
        return jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = :e").param("e", eventId).query(Long.class).single();
    }

    @Test
    void seatRangesAndGaQuantitiesLoadWithPricesAndDeliveryTypes() {
        TestEvent event = fixtures.event(Duration.ofDays(5), List.of());
        long loaded = fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 10, "99.50", "mobile_transfer", "pdf"),
                ga("GA", 25, "40")));
        org.assertj.core.api.Assertions.assertThat(loaded).isEqualTo(35);
        org.assertj.core.api.Assertions.assertThat(ticketsOf(event.id())).isEqualTo(35);
        long priced = jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = :e AND price_minor = 9950 AND delivery_types = '{mobile_transfer,pdf}'")
                .param("e", event.id()).query(Long.class).single();
        org.assertj.core.api.Assertions.assertThat(priced).isEqualTo(10);
    }

    /**
     * A GA floor's tickets are dealt into 8 stock lines by their id's first hex digit (0-1, 2-3, ... e-f), so its
     * buyers commit on 8 lines, not one (migration V23); a seated row keeps one line, and a second load of the same
     * price and delivery types joins the existing lines.
     */
    @Test
    void gaTicketsAreDealtIntoEightLinesByIdAndSeatedRowsKeepOne() {
        TestEvent event = fixtures.event(Duration.ofDays(5), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 50, "10.00"), ga("GA", 1000, "40")));
        fixtures.tickets(event.id(), List.of(ga("GA", 1000, "40")));
        List<Map<String, Object>> lines = jdbc.sql("""
                        SELECT c.name, s.part::integer AS part, s.free, count(t.id) AS tickets,
                               min(substr(t.id, 5, 1)) AS first_digit, max(substr(t.id, 5, 1)) AS last_digit
                        FROM ticket_stock s JOIN sections c ON c.id = s.section_id JOIN tickets t ON t.stock_id = s.id
                        WHERE s.event_id = :e GROUP BY c.name, s.id, s.part, s.free ORDER BY c.name, s.part""")
                .param("e", event.id()).query().listOfRows();
        org.assertj.core.api.Assertions.assertThat(lines).hasSize(9);
        org.assertj.core.api.Assertions.assertThat(lines.getFirst())
                .containsEntry("name", "A").containsEntry("part", 0).containsEntry("free", 50);
        String digits = "0123456789abcdef";
        long gaTickets = 0;
        for (int part = 0; part < 8; part++) {
            Map<String, Object> line = lines.get(part + 1);
            org.assertj.core.api.Assertions.assertThat(line).containsEntry("name", "GA").containsEntry("part", part);
            org.assertj.core.api.Assertions.assertThat(digits.indexOf((String) line.get("first_digit"))).isGreaterThanOrEqualTo(2 * part);
            org.assertj.core.api.Assertions.assertThat(digits.indexOf((String) line.get("last_digit"))).isLessThanOrEqualTo(2 * part + 1);
            org.assertj.core.api.Assertions.assertThat(((Number) line.get("free")).longValue()).isEqualTo(line.get("tickets"));
            gaTickets += (Long) line.get("tickets");
        }
        org.assertj.core.api.Assertions.assertThat(gaTickets).isEqualTo(2000);
        as(fixtures.partner()).get("/v1/events/" + event.id() + "/sections/GA/rows").then()
                .statusCode(200).body("data", hasSize(1)).body("data[0].available_quantity", equalTo(2000))
                .body("data[0].max_contiguous", equalTo(2000)).body("data[0].unit_price.amount", equalTo("40.00"));
    }

    @Test
    void aBadBatchRejectsTheWholeLoadAndNamesEveryBadLine() {
        TestEvent event = fixtures.event(Duration.ofDays(5), List.of());
        admin().contentType(JSON).body(Json.of(obj("tickets", List.of(
                        seats("A", "1", 1, 10, "10.00"),
                        seats("Z", "1", 1, 10, "10.00"),
                        seats("A", "9", 1, 10, "10.00"),
                        seats("A", "1", 5, 6, "10.00"),
                        seats("A", "2", 3, 1, "10.00"),
                        seats("A", "2", 1, 2, "10.001"),
                        seats("A", "2", 1, 2, "10.00", "fax"),
                        obj("section_name", "GA", "seat_from", 1, "seat_to", 2, "price", "1", "delivery_types", List.of("pdf")),
                        obj("section_name", "A", "row_name", "3", "quantity", 5, "price", "1", "delivery_types", List.of("pdf")),
                        ga("GA", 0, "5.00")))))
                .post("/admin/v1/events/" + event.id() + "/tickets").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.lines", hasSize(9))
                .body("error.details.lines[0].item", equalTo("tickets[1]"))
                .body("error.details.lines[0].message", containsString("unknown section"))
                .body("error.details.lines[2].message", containsString("appears twice"));
        org.assertj.core.api.Assertions.assertThat(ticketsOf(event.id())).isZero();
    }

    @Test
    void seatsAlreadyLoadedAreRefused() {
        TestEvent event = fixtures.event(Duration.ofDays(5), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 10, "10.00")));
        admin().contentType(JSON).body(Json.of(obj("tickets", List.of(seats("A", "1", 8, 12, "10.00")))))
                .post("/admin/v1/events/" + event.id() + "/tickets").then().statusCode(400)
                .body("error.details.lines[0].message", containsString("already loaded"));
        org.assertj.core.api.Assertions.assertThat(ticketsOf(event.id())).isEqualTo(10);
        admin().contentType(JSON).body(Json.of(obj("tickets", List.of(seats("A", "1", 1, 2, "1")))))
                .post("/admin/v1/events/evt_nope/tickets").then().statusCode(404).body("error.code", equalTo("EVENT_NOT_FOUND"));
    }

    @Test
    void csvImportLoadsAGoodFile() {
        TestEvent event = fixtures.event(Duration.ofDays(5), List.of());
        String csv = """
                section_name,row_name,seat_from,seat_to,quantity,price,delivery_types
                A,1,1,20,,125.00,mobile_transfer|pdf
                "A","2",1,5,,110.00,mobile_qr
                GA,,,,100,45.50,mobile_qr|pdf
                """;
        admin().contentType("text/csv").body(csv).post("/admin/v1/events/" + event.id() + "/tickets/import")
                .then().statusCode(201).body("data.tickets", equalTo(125)).body("data.batches", equalTo(3));
        org.assertj.core.api.Assertions.assertThat(ticketsOf(event.id())).isEqualTo(125);
    }

    @Test
    void csvImportRejectsABadFileAsAWholeNamingTheBadLines() {
        TestEvent event = fixtures.event(Duration.ofDays(5), List.of());
        String csv = """
                section_name,row_name,seat_from,seat_to,quantity,price,delivery_types
                A,1,1,20,,125.00,mobile_transfer
                A,1,x,20,,125.00,mobile_transfer
                A,2,1,5,,110.00
                GA,,,,100,45.50,pdf,extra
                A,3,1,5,,-1,pdf
                """;
        admin().contentType("text/csv").body(csv).post("/admin/v1/events/" + event.id() + "/tickets/import")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.lines.line", equalTo(List.of(3, 4, 5)));
        String syntacticallyFine = csv.replace("A,1,x,20", "A,1,1,20").replace(",pdf,extra", ",pdf")
                .replace("110.00\n", "110.00,\n");
        admin().contentType("text/csv").body(syntacticallyFine).post("/admin/v1/events/" + event.id() + "/tickets/import")
                .then().statusCode(400).body("error.details.lines.line", equalTo(List.of(3, 4, 6)))
                .body("error.details.lines[0].message", containsString("appears twice"))
                .body("error.details.lines[1].message", containsString("delivery_types is required"));
        admin().contentType("text/csv").body("seat,price\n1,2\n").post("/admin/v1/events/" + event.id() + "/tickets/import")
                .then().statusCode(400).body("error.details.lines[0].line", equalTo(1));
        org.assertj.core.api.Assertions.assertThat(ticketsOf(event.id())).isZero();
    }
}
