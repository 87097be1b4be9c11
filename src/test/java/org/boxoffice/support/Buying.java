package org.boxoffice.support;

import static io.restassured.http.ContentType.JSON;
import static org.boxoffice.support.Json.obj;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.function.Function;

/** Quote, order and basket calls as a partner makes them, each with the body the contract gives it. */
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

    /** A new basket in the partner's currency; its id. */
    public String basket(String token) {
        return as.apply(token).contentType(JSON).body("{}").post("/v1/baskets").then().statusCode(201)
                .extract().path("data.basket_id");
    }

    public ValidatableResponse addItem(String token, String basketId, String eventId, String section, String row,
                                       int quantity) {
        return as.apply(token).contentType(JSON)
                .body(Json.of(obj("event_id", eventId, "section_name", section, "row_name", row, "quantity", quantity)))
                .post("/v1/baskets/" + basketId + "/items").then();
    }

    /** A new basket holding {@code quantity} tickets of the best row of {@code section}; its id. */
    public String basketWith(String token, String eventId, String section, int quantity) {
        String basketId = basket(token);
        addItem(token, basketId, eventId, section, null, quantity).statusCode(201);
        return basketId;
    }

    public ValidatableResponse stripeObject(String token, String basketId) {
        return as.apply(token).contentType(JSON).body("{}").post("/v1/baskets/" + basketId + "/stripe_object").then();
    }

    public ValidatableResponse checkout(String token, String basketId) {
        return as.apply(token).contentType(JSON).body("{}").post("/v1/baskets/" + basketId + "/checkout").then();
    }
}
