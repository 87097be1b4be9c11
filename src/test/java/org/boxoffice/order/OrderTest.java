package org.boxoffice.order;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.ga;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderTest extends ApiTest {
    private TestPartner buyer;
    private String token;
    private TestEvent event;
    private Instant deadline;

    @BeforeEach
    void setUp() {
        admin().contentType(JSON).body(Json.of(obj("quote_ttl_seconds", 900, "fee_percent_bps", 1000, "fee_fixed_minor", 0)))
                .put("/admin/v1/settings").then().statusCode(200);
        buyer = fixtures.buyer();
        token = fixtures.token(buyer);
        event = fixtures.event(Duration.ofDays(30), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 10, "100.00", "mobile_transfer", "pdf"), ga("GA", 10, "40.00")));
        deadline = clock.instant().plus(Duration.ofDays(20));
    }

    private long soldSeats() {
        return jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = :e AND sold").param("e", event.id()).query(Long.class).single();
    }

    @Test
    void anOrderConsumesTheQuoteChargesTheCardAndSellsTheSeats() {
        String quote = buying.quoteId(token, event.id(), "A", "1", 2);
        String order = buying.order(token, quote, "mobile_transfer", deadline).statusCode(201)
                .body("data.order_id", startsWith("ord_")).body("data.status", equalTo("confirmed"))
                .body("data.quote_id", equalTo(quote)).body("data.event.event_id", equalTo(event.id()))
                .body("data.section_name", equalTo("A")).body("data.row_name", equalTo("1"))
                .body("data.seats", contains("1", "2")).body("data.quantity", equalTo(2))
                .body("data.unit_price.amount", equalTo("100.00")).body("data.fees.amount", equalTo("20.00"))
                .body("data.total_price.amount", equalTo("220.00"))
                .body("data.delivery_type", equalTo("mobile_transfer"))
                .body("data.delivery_deadline", equalTo(deadline.toString()))
                .body("data.transfer_email", matchesPattern("order-[a-z0-9]{14}@transfers\\.boxoffice\\.example"))
                .body("data.payment.status", equalTo("captured")).body("data.payment.amount.amount", equalTo("220.00"))
                .extract().path("data.order_id");
        as(token).get("/v1/quotes/" + quote).then().body("data.status", equalTo("consumed"));
        as(token).get("/v1/orders/" + order).then().statusCode(200).body("data.status", equalTo("confirmed"));
        assertThat(soldSeats()).isEqualTo(2);
        long charged = jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE kind = 'charge' AND amount_minor = 22000 "
                + "AND idempotency_key IN (SELECT id FROM payment_attempts WHERE owner_id = :o)").param("o", order)
                .query(Long.class).single();
        assertThat(charged).isEqualTo(1);
    }

    @Test
    void everyOrderHasItsOwnTransferAddressOnTheConfiguredDomain() {
        admin().contentType(JSON).body(Json.of(obj("transfer_domain", "tix.example.org"))).put("/admin/v1/settings")
                .then().statusCode(200);
        String a = buying.order(token, buying.quoteId(token, event.id(), "A", "1", 1), "pdf", deadline).statusCode(201)
                .body("data.transfer_email", endsWith("@tix.example.org")).extract().path("data.transfer_email");
        buying.order(token, buying.quoteId(token, event.id(), "A", "1", 1), "pdf", deadline).statusCode(201)
                .body("data.transfer_email", not(equalTo(a)));
        admin().contentType(JSON).body(Json.of(obj("transfer_domain", "transfers.boxoffice.example"))).put("/admin/v1/settings");
    }

    @Test
    void aQuoteMakesOneOrderOnly() {
        String quote = buying.quoteId(token, event.id(), "A", "1", 1);
        buying.order(token, quote, "pdf", deadline).statusCode(201);
        buying.order(token, quote, "pdf", deadline).statusCode(422).body("error.code", equalTo("QUOTE_ALREADY_CONSUMED"));
    }

    @Test
    void anExpiredQuoteSaysWhenItExpired() {
        var quote = buying.quote(token, event.id(), "A", "1", 1).statusCode(201).extract().jsonPath();
        clock.advance(Duration.ofMinutes(15));
        buying.order(token, quote.getString("data.quote_id"), "pdf", deadline).statusCode(422)
                .body("error.code", equalTo("QUOTE_EXPIRED"))
                .body("error.details.quote_id", equalTo(quote.getString("data.quote_id")))
                .body("error.details.expired_at", equalTo(quote.getString("data.expires_at")));
        assertThat(soldSeats()).isZero();
    }

    @Test
    void theDeadlineMustBeInTheFutureAndBeforeTheEvent() {
        String quote = buying.quoteId(token, event.id(), "A", "1", 1);
        buying.order(token, quote, "pdf", clock.instant().minusSeconds(1)).statusCode(422)
                .body("error.code", equalTo("INVALID_DELIVERY_DEADLINE"));
        buying.order(token, quote, "pdf", clock.instant().plus(Duration.ofDays(30))).statusCode(422)
                .body("error.code", equalTo("INVALID_DELIVERY_DEADLINE"));
        as(token).get("/v1/quotes/" + quote).then().body("data.status", equalTo("active"));
    }

    @Test
    void theTicketsMustSupportTheDeliveryType() {
        String quote = buying.quoteId(token, event.id(), "A", "1", 1);
        buying.order(token, quote, "mobile_qr", deadline).statusCode(422)
                .body("error.code", equalTo("DELIVERY_TYPE_NOT_SUPPORTED"))
                .body("error.details.supported", contains("mobile_transfer", "pdf"));
        buying.order(token, quote, "fax", deadline).statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fields[0].field", equalTo("delivery_type"));
        as(token).contentType(JSON).body(Json.of(obj("quote_id", quote, "delivery_type", "pdf"))).post("/v1/orders")
                .then().statusCode(400).body("error.details.fields[0].field", equalTo("delivery_deadline"));
        as(token).contentType(JSON).body(Json.of(obj("quote_id", quote, "delivery_type", "pdf", "delivery_deadline", "soon")))
                .post("/v1/orders").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void withoutPaymentMethodsNoOrder() {
        String quote = buying.quoteId(token, event.id(), "A", "1", 1);
        admin().contentType(JSON).body(Json.of(obj("payout_method", null, "card_on_file", null)))
                .put("/admin/v1/partners/" + buyer.id() + "/payment-configuration").then().statusCode(200);
        buying.order(token, quote, "pdf", deadline).statusCode(403).body("error.code", equalTo("PAYMENT_NOT_CONFIGURED"));
    }

    @Test
    void ordersAndQuotesOfOtherPartnersAreForbiddenAndUnknownOnesNotFound() {
        String quote = buying.quoteId(token, event.id(), "A", "1", 1);
        String order = buying.order(token, quote, "pdf", deadline).statusCode(201).extract().path("data.order_id");
        String other = fixtures.token(fixtures.buyer());
        buying.order(other, buying.quoteId(token, event.id(), "A", "1", 1), "pdf", deadline).statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        as(other).get("/v1/orders/" + order).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        as(other).get("/v1/orders/" + order + "/tickets").then().statusCode(403);
        as(other).get("/v1/orders").then().body("data", empty());
        as(token).get("/v1/orders/ord_nope").then().statusCode(404).body("error.code", equalTo("ORDER_NOT_FOUND"));
        buying.order(token, "qt_nope", "pdf", deadline).statusCode(404).body("error.code", equalTo("QUOTE_NOT_FOUND"));
    }

    @Test
    void qrAndPdfOrdersListTheirTicketsWithBarcodes() {
        String order = buying.order(token, buying.quoteId(token, event.id(), "GA", null, 2), "mobile_qr", deadline)
                .statusCode(201).extract().path("data.order_id");
        as(token).get("/v1/orders/" + order + "/tickets").then().statusCode(200).body("data", hasSize(2))
                .body("data[0].ticket_id", startsWith("tkt_")).body("data[0].section", equalTo("GA"))
                .body("data[0].row", equalTo("GA")).body("data[0].seat", equalTo(null))
                .body("data[0].barcode", matchesPattern("BX[A-Z0-9]{18}")).body("data[0].barcode_format", equalTo("qr_code"));
        String seated = buying.order(token, buying.quoteId(token, event.id(), "A", "1", 2), "pdf", deadline)
                .statusCode(201).extract().path("data.order_id");
        as(token).get("/v1/orders/" + seated + "/tickets").then().body("data.seat", contains("1", "2"));
        String transfer = buying.order(token, buying.quoteId(token, event.id(), "A", "1", 1), "mobile_transfer", deadline)
                .statusCode(201).extract().path("data.order_id");
        as(token).get("/v1/orders/" + transfer + "/tickets").then().statusCode(200).body("data", empty());
    }

    @Test
    void ordersAreListedNewestFirstWithFilters() {
        TestEvent second = fixtures.event(Duration.ofDays(40), List.of());
        fixtures.tickets(second.id(), List.of(seats("A", "1", 1, 5, "10.00", "pdf")));
        String first = buying.order(token, buying.quoteId(token, event.id(), "A", "1", 1), "pdf", deadline)
                .statusCode(201).extract().path("data.order_id");
        clock.advance(Duration.ofDays(1));
        token = fixtures.token(buyer);
        String later = buying.order(token, buying.quoteId(token, second.id(), "A", "1", 1), "pdf", deadline)
                .statusCode(201).extract().path("data.order_id");
        as(token).get("/v1/orders").then().body("data.order_id", contains(later, first)).body("pagination.total", equalTo(2));
        as(token).get("/v1/orders?event_id=" + event.id()).then().body("data.order_id", contains(first));
        as(token).get("/v1/orders?status=confirmed&limit=1").then().body("data.order_id", contains(later))
                .body("pagination.has_more", equalTo(true));
        String today = clock.instant().toString().substring(0, 10);
        as(token).get("/v1/orders?created_from=" + today).then().body("data.order_id", contains(later));
        as(token).get("/v1/orders?created_to=" + clock.instant().minus(Duration.ofHours(1))).then()
                .body("data.order_id", contains(first));
        as(token).get("/v1/orders?status=shipped").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.fields[0].field", equalTo("status"))
                .body("error.message", equalTo("status must be one of pending_payment, confirmed, transfer_sent, "
                        + "delivered, transfer_expired, cancelled, payment_failed"));
        as(token).get("/v1/orders?created_from=yesterday").then().statusCode(400);
    }
}
