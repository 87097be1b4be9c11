package org.boxoffice.support;

import static io.restassured.http.ContentType.JSON;
import static org.boxoffice.support.Json.obj;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.function.Function;

/** Quote and order calls as a partner makes them. */
public final class Buying {
    private final Function<String, RequestSpecification> as;

    public Buying(Function<String, RequestSpecification> as) {
        this.as = as;
    }

    public ValidatableResponse quote(String token, String eventId, String section, String row, int quantity) {
        return as.apply(token).contentType(JSON)
                .body(Json.of(obj("event_id", eventId, "section_name", section, "row_name", row, "quantity", quantity)))
                .post("/v1/quotes").then();
    }

    public String quoteId(String token, String eventId, String section, String row, int quantity) {
        return quote(token, eventId, section, row, quantity).statusCode(201).extract().path("data.quote_id");
    }

    public ValidatableResponse order(String token, String quoteId, String deliveryType, Instant deadline) {
        return as.apply(token).contentType(JSON)
                .body(Json.of(obj("quote_id", quoteId, "delivery_type", deliveryType, "delivery_deadline", deadline.toString())))
                .post("/v1/orders").then();
    }

    public ValidatableResponse order(String token, String quoteId, String deliveryType, Instant deadline, String key) {
        return as.apply(token).contentType(JSON).header("Idempotency-Key", key)
                .body(Json.of(obj("quote_id", quoteId, "delivery_type", deliveryType, "delivery_deadline", deadline.toString())))
                .post("/v1/orders").then();
    }
}
