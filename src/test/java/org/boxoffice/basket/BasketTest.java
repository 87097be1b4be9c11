package org.boxoffice.basket;

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

class BasketTest extends ApiTest {
    private TestPartner partner;
    private String token;
    private TestEvent event;
    private String basket;

    @BeforeEach
    void setUp() {
        partner = fixtures.partner("merchant_of_record");
        token = fixtures.token(partner);
        event = fixtures.event(Duration.ofDays(20), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 4, "100.00", "pdf"), ga("GA", 250, "20.00")));
        basket = as(token).contentType(JSON).body("{}").post("/v1/baskets").then().statusCode(201)
                .body("data.basket_id", startsWith("bkt_")).body("data.checkout_status", equalTo("not_checked_out"))
                .body("data.items", empty()).body("data.total_price.amount", equalTo("0.00"))
                .body("data.currency", equalTo("USD")).extract().path("data.basket_id");
    }

    private ValidatableResponse add(Object body) {
        return as(token).contentType(JSON).body(Json.of(body)).post("/v1/baskets/" + basket + "/items").then();
    }

    private ValidatableResponse add(String section, String row, int quantity) {
        return add(obj("event_id", event.id(), "section_name", section, "row_name", row, "quantity", quantity));
    }

    @Test
    void anItemHoldsTicketsFifteenMinutesWithTheBookingFee() {
        add("A", "1", 2).statusCode(201)
                .body("data.items", hasSize(1)).body("data.items[0].item_id", startsWith("itm_"))
                .body("data.items[0].status", equalTo("reserved"))
                .body("data.items[0].reserved_until", equalTo(clock.instant().plus(Duration.ofMinutes(15)).toString()))
                .body("data.items[0].event.event_id", equalTo(event.id())).body("data.items[0].seats", contains("1", "2"))
                .body("data.items[0].price.amount", equalTo("200.00"))
                .body("data.items[0].booking_fee.amount", equalTo("11.50"))
                .body("data.items[0].booked_successfully", equalTo(false)).body("data.items[0].voucher_url", equalTo(null))
                .body("data.total_items_price.amount", equalTo("200.00")).body("data.total_booking_fee.amount", equalTo("11.50"))
                .body("data.total_price.amount", equalTo("211.50"));
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().body("data[0].available_quantity", equalTo(2));
    }

    @Test
    void anExpiredItemFreesItsSeatsAtOnceAndLeavesTheTotals() {
        add("A", "1", 4).statusCode(201);
        clock.advance(Duration.ofMinutes(15));
        as(token).get("/v1/baskets/" + basket).then().statusCode(200).body("data.items[0].status", equalTo("expired"))
                .body("data.total_price.amount", equalTo("0.00"));
        as(token).get("/v1/events/" + event.id() + "/sections/A/rows").then().body("data[0].available_quantity", equalTo(4));
    }

    @Test
    void removingAnItemReleasesItsTickets() {
        String item = add("GA", null, 5).statusCode(201).extract().path("data.items[0].item_id");
        as(token).delete("/v1/baskets/" + basket + "/items/" + item).then().statusCode(200).body("data.items", empty());
        as(token).get("/v1/events/" + event.id() + "/sections/GA/rows").then().body("data[0].available_quantity", equalTo(250));
        as(token).delete("/v1/baskets/" + basket + "/items/" + item).then().statusCode(404)
                .body("error.code", equalTo("ITEM_NOT_FOUND"));
    }

    @Test
    void theOperatorSetsThePartnersBookingFee() {
        admin().contentType(JSON).body(Json.of(obj("fixed_minor", 0, "percent_bps", 1000, "min_minor", 300, "max_minor", 500)))
                .put("/admin/v1/partners/" + partner.id() + "/booking-fee").then().statusCode(200);
        add("GA", null, 1).statusCode(201).body("data.items[0].booking_fee.amount", equalTo("3.00"));
        add("A", "1", 4).statusCode(201).body("data.items[1].booking_fee.amount", equalTo("5.00"));
        admin().contentType(JSON).body(Json.of(obj("fixed_minor", 0, "percent_bps", 1000, "min_minor", 300, "max_minor", 200)))
                .put("/admin/v1/partners/" + partner.id() + "/booking-fee").then().statusCode(400);
        admin().get("/admin/v1/partners/" + partner.id() + "/booking-fee").then().body("data.max_minor", equalTo(500));
    }

    @Test
    void atMostTwoHundredItems() {
        for (int i = 0; i < 200; i++) { // API.md §7: at most 200 items per basket
            add("GA", null, 1).statusCode(201);
        }
        add("GA", null, 1).statusCode(422).body("error.code", equalTo("BASKET_ITEM_LIMIT"));
    }

    @Test
    void aBasketWhoseCheckoutStartedCannotChange() {
        String item = add("GA", null, 1).statusCode(201).extract().path("data.items[0].item_id");
        jdbc.sql("UPDATE baskets SET checkout_status = 'checkout_pending' WHERE id = :b").param("b", basket).update();
        add("GA", null, 1).statusCode(409).body("error.code", equalTo("BASKET_STATUS_CONFLICT"));
        as(token).delete("/v1/baskets/" + basket + "/items/" + item).then().statusCode(409)
                .body("error.code", equalTo("BASKET_STATUS_CONFLICT"));
    }

    @Test
    void itemErrorsAreThoseOfQuotesAndChangeNothing() {
        add(obj("event_id", "evt_nope", "section_name", "A", "quantity", 1)).statusCode(404).body("error.code", equalTo("EVENT_NOT_FOUND"));
        add("ZZ", null, 1).statusCode(404).body("error.code", equalTo("SECTION_NOT_FOUND"));
        add("A", "9", 1).statusCode(404).body("error.code", equalTo("ROW_NOT_FOUND"));
        add("A", "1", 5).statusCode(422).body("error.code", equalTo("NO_INVENTORY_AVAILABLE"));
        add("A", "1", 0).statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        String euro = as(token).contentType(JSON).body("{\"currency\":\"EUR\"}").post("/v1/baskets").then().statusCode(201)
                .extract().path("data.basket_id");
        as(token).contentType(JSON).body(Json.of(obj("event_id", event.id(), "section_name", "GA", "quantity", 1)))
                .post("/v1/baskets/" + euro + "/items").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        as(token).contentType(JSON).body("{\"currency\":\"EURO\"}").post("/v1/baskets").then().statusCode(400);
        admin().contentType(JSON).body(Json.of(obj("status", "off_sale"))).put("/admin/v1/events/" + event.id() + "/status");
        add("GA", null, 1).statusCode(422).body("error.code", equalTo("EVENT_NOT_ON_SALE"));
        as(token).get("/v1/baskets/" + basket).then().body("data.items", empty());
    }

    @Test
    void basketsBelongToTheirPartner() {
        String other = fixtures.token(fixtures.partner("merchant_of_record"));
        as(other).get("/v1/baskets/" + basket).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        as(other).contentType(JSON).body(Json.of(obj("event_id", event.id(), "section_name", "GA", "quantity", 1)))
                .post("/v1/baskets/" + basket + "/items").then().statusCode(403);
        as(token).get("/v1/baskets/bkt_nope").then().statusCode(404).body("error.code", equalTo("BASKET_NOT_FOUND"));
    }
}
