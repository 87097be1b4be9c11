package org.boxoffice.quote;

import static io.restassured.http.ContentType.JSON;
import static org.boxoffice.support.Fixtures.ga;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuoteTest extends ApiTest {
    private TestPartner buyer;
    private String token;
    private TestEvent event;

    @BeforeEach
    void setUp() {
        admin().contentType(JSON).body(Json.of(obj("quote_ttl_seconds", 900, "fee_percent_bps", 1000, "fee_fixed_minor", 0)))
                .put("/admin/v1/settings").then().statusCode(200);
        buyer = fixtures.buyer();
        token = fixtures.token(buyer);
        event = fixtures.event(Duration.ofDays(30), List.of());
    }

    private ValidatableResponse quote(Object body) {
        return as(token).contentType(JSON).body(Json.of(body)).post("/v1/quotes").then();
    }

    private ValidatableResponse quote(String section, String row, int quantity) {
        return quote(obj("event_id", event.id(), "section_name", section, "row_name", row, "quantity", quantity));
    }

    @Test
    void aQuoteLocksPriceAndSeatsForFifteenMinutes() {
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 10, "100.00", "mobile_transfer", "pdf")));
        quote("A", "1", 3).statusCode(201)
                .body("data.quote_id", startsWith("qt_")).body("data.status", equalTo("active"))
                .body("data.expires_at", equalTo(clock.instant().plus(Duration.ofMinutes(15)).toString()))
                .body("data.event.event_id", equalTo(event.id())).body("data.event.venue_name", startsWith("Venue"))
                .body("data.section_name", equalTo("A")).body("data.section_name_display", equalTo("Section A"))
                .body("data.row_name", equalTo("1")).body("data.row_name_display", equalTo("Row 1"))
                .body("data.seats", contains("1", "2", "3")).body("data.quantity", equalTo(3))
                .body("data.unit_price.amount", equalTo("100.00")).body("data.fees.amount", equalTo("30.00"))
                .body("data.total_price.amount", equalTo("330.00")).body("data.total_price.currency", equalTo("USD"))
                .body("data.delivery_types", contains("mobile_transfer", "pdf"));
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().body("data[0].available_quantity", equalTo(7));
    }

    @Test
    void theBestRowIsTheBestRankedWithEnoughSideBySideSeats() {
        fixtures.tickets(event.id(), List.of(
                seats("A", "1", 1, 2, "200.00"), seats("A", "1", 4, 5, "200.00"),   // rank 1: no run of 3
                seats("A", "2", 1, 3, "150.00"),                                      // rank 2: a run of 3
                seats("A", "3", 1, 10, "90.00")));
        quote("A", null, 3).statusCode(201).body("data.row_name", equalTo("2")).body("data.seats", contains("1", "2", "3"));
        quote("A", null, 2).statusCode(201).body("data.row_name", equalTo("1")).body("data.seats", contains("1", "2"));
        quote("A", null, 3).statusCode(201).body("data.row_name", equalTo("3"));
    }

    /** An event whose section B has rows X and Y, both of rank 1. */
    private String eventWithTiedRows(String name) {
        String venue = fixtures.venue(name + " Hall " + event.id(), "UTC");
        return admin().contentType(JSON).body(Json.of(obj("name", name, "venue_id", venue,
                        "event_datetime_utc", clock.instant().plus(Duration.ofDays(9)).toString(), "sections", List.of(
                                obj("name", "B", "rows", List.of(obj("name", "X", "rank", 1), obj("name", "Y", "rank", 1)))))))
                .post("/admin/v1/events").then().statusCode(201).extract().path("data.event.event_id");
    }

    @Test
    void onARankTieTheCheaperRowWins() {
        String tied = eventWithTiedRows("Tie");
        fixtures.tickets(tied, List.of(seats("B", "X", 1, 4, "80.00"), seats("B", "Y", 1, 4, "60.00")));
        quote(obj("event_id", tied, "section_name", "B", "quantity", 2)).statusCode(201)
                .body("data.row_name", equalTo("Y")).body("data.unit_price.amount", equalTo("60.00"));
    }

    /**
     * The best-row choice walks the rows that have anything available (migration V24); a row whose seats are free only
     * because a quote expired, not swept yet, is among them at once, at its price.
     */
    @Test
    void aRowFreedByAnExpiredQuoteIsTheBestAgainAtOnce() {
        String tied = eventWithTiedRows("Expiry");
        fixtures.tickets(tied, List.of(seats("B", "X", 1, 2, "50.00"), seats("B", "Y", 1, 4, "60.00")));
        Object twoSeats = obj("event_id", tied, "section_name", "B", "quantity", 2);
        quote(twoSeats).statusCode(201).body("data.row_name", equalTo("X"));
        quote(twoSeats).statusCode(201).body("data.row_name", equalTo("Y"));
        clock.advance(Duration.ofMinutes(15));
        quote(twoSeats).statusCode(201).body("data.row_name", equalTo("X")).body("data.unit_price.amount", equalTo("50.00"));
    }

    @Test
    void gaTakesAnyTicketsAndHasNoSeats() {
        fixtures.tickets(event.id(), List.of(ga("GA", 5, "40.00")));
        quote("GA", null, 4).statusCode(201).body("data.seats", empty()).body("data.quantity", equalTo(4))
                .body("data.row_name", equalTo("GA")).body("data.delivery_types", contains("mobile_qr", "pdf"));
        quote("GA", null, 2).statusCode(422).body("error.code", equalTo("NO_INVENTORY_AVAILABLE"));
        quote("GA", null, 1).statusCode(201);
    }

    @Test
    void noInventoryWhenNoRowHasEnoughSideBySide() {
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 2, "10.00"), seats("A", "1", 4, 5, "10.00")));
        quote("A", "1", 3).statusCode(422).body("error.code", equalTo("NO_INVENTORY_AVAILABLE"));
        quote("A", null, 3).statusCode(422).body("error.code", equalTo("NO_INVENTORY_AVAILABLE"));
        quote("A", "2", 1).statusCode(422).body("error.code", equalTo("NO_INVENTORY_AVAILABLE"));
    }

    @Test
    void anExpiredQuoteReturnsItsSeatsAtOnceAndReadsExpired() {
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 2, "10.00")));
        String id = quote("A", "1", 2).statusCode(201).extract().path("data.quote_id");
        quote("A", "1", 1).statusCode(422).body("error.code", equalTo("NO_INVENTORY_AVAILABLE"));
        clock.advance(Duration.ofMinutes(15));
        as(token).get("/v1/quotes/" + id).then().statusCode(200).body("data.status", equalTo("expired"));
        quote("A", "1", 2).statusCode(201);
    }

    @Test
    void theQuoteLifetimeIsOperatorConfigurable() {
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 2, "10.00")));
        admin().contentType(JSON).body(Json.of(obj("quote_ttl_seconds", 120, "fee_percent_bps", 0)))
                .put("/admin/v1/settings").then().statusCode(200).body("data.quote_ttl_seconds", equalTo(120));
        quote("A", "1", 1).statusCode(201)
                .body("data.expires_at", equalTo(clock.instant().plus(Duration.ofMinutes(2)).toString()))
                .body("data.fees.amount", equalTo("0.00"));
        admin().contentType(JSON).body(Json.of(obj("quote_ttl_seconds", 5))).put("/admin/v1/settings").then().statusCode(400);
    }

    @Test
    void requestErrors() {
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 2, "10.00")));
        for (int bad : new int[] {0, 21}) {
            quote("A", null, bad).statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                    .body("error.details.fields[0].field", equalTo("quantity"));
        }
        quote(obj("section_name", "A", "quantity", 1)).statusCode(400).body("error.details.fields[0].field", equalTo("event_id"));
        quote(obj("event_id", "evt_nope", "section_name", "A", "quantity", 1)).statusCode(404)
                .body("error.code", equalTo("EVENT_NOT_FOUND"));
        quote("ZZ", null, 1).statusCode(404).body("error.code", equalTo("SECTION_NOT_FOUND"));
        quote("A", "9", 1).statusCode(404).body("error.code", equalTo("ROW_NOT_FOUND"));
    }

    @Test
    void onlyEventsOnSaleAndNotStartedCanBeQuoted() {
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 2, "10.00")));
        admin().contentType(JSON).body(Json.of(obj("status", "off_sale"))).put("/admin/v1/events/" + event.id() + "/status");
        quote("A", null, 1).statusCode(422).body("error.code", equalTo("EVENT_NOT_ON_SALE"));
        admin().contentType(JSON).body(Json.of(obj("status", "cancelled"))).put("/admin/v1/events/" + event.id() + "/status");
        quote("A", null, 1).statusCode(422).body("error.code", equalTo("EVENT_NOT_ON_SALE"));
        TestEvent soon = fixtures.event(Duration.ofMinutes(30), List.of());
        fixtures.tickets(soon.id(), List.of(seats("A", "1", 1, 2, "10.00")));
        clock.advance(Duration.ofMinutes(30));
        quote(obj("event_id", soon.id(), "section_name", "A", "quantity", 1)).statusCode(422)
                .body("error.code", equalTo("EVENT_NOT_ON_SALE"));
    }

    @Test
    void withoutBothPaymentMethodsQuotingIsRefusedBeforeAnythingIsHeld() {
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 2, "10.00")));
        TestPartner bare = fixtures.partner();
        as(bare).contentType(JSON).body(Json.of(obj("event_id", event.id(), "section_name", "A", "quantity", 1)))
                .post("/v1/quotes").then().statusCode(403).body("error.code", equalTo("PAYMENT_NOT_CONFIGURED"));
        admin().contentType(JSON).body(Json.of(obj("card_on_file", obj("provider", "sandbox", "reference", "tok_visa"))))
                .put("/admin/v1/partners/" + bare.id() + "/payment-configuration").then().statusCode(200);
        as(bare).contentType(JSON).body(Json.of(obj("event_id", event.id(), "section_name", "A", "quantity", 1)))
                .post("/v1/quotes").then().statusCode(403).body("error.code", equalTo("PAYMENT_NOT_CONFIGURED"));
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().body("data[0].available_quantity", equalTo(2));
    }

    @Test
    void quotesBelongToTheirPartner() {
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 4, "10.00")));
        String mine = quote("A", "1", 1).statusCode(201).extract().path("data.quote_id");
        TestPartner other = fixtures.buyer();
        as(other).get("/v1/quotes/" + mine).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        as(other).get("/v1/quotes").then().statusCode(200).body("data", empty());
        as(token).get("/v1/quotes/qt_nope").then().statusCode(404).body("error.code", equalTo("QUOTE_NOT_FOUND"));
    }

    @Test
    void listsTheCallersQuotesNewestFirstByComputedStatus() {
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 4, "10.00")));
        String first = quote("A", "1", 1).statusCode(201).extract().path("data.quote_id");
        clock.advance(Duration.ofMinutes(10));
        String second = quote("A", "1", 1).statusCode(201).extract().path("data.quote_id");
        as(token).get("/v1/quotes").then().body("data.quote_id", contains(second, first)).body("pagination.total", equalTo(2));
        clock.advance(Duration.ofMinutes(6));
        as(token).get("/v1/quotes?status=expired").then().body("data.quote_id", contains(first));
        as(token).get("/v1/quotes?status=active").then().body("data.quote_id", contains(second));
        as(token).get("/v1/quotes?status=consumed").then().body("data", hasSize(0));
        as(token).get("/v1/quotes?status=gone").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
    }
}
