package org.boxoffice.support;

import static io.restassured.http.ContentType.JSON;
import static org.boxoffice.support.Json.obj;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Builds test data through the operator API, exactly as an operator would. */
public final class Fixtures {
    private final Supplier<RequestSpecification> admin;
    private final Supplier<RequestSpecification> anonymous;
    private final MutableClock clock;

    public Fixtures(Supplier<RequestSpecification> admin, Supplier<RequestSpecification> anonymous, MutableClock clock) {
        this.admin = admin;
        this.anonymous = anonymous;
        this.clock = clock;
    }

    public record TestPartner(String id, String clientId, String clientSecret) {
    }

    public record TestEvent(String id, String venueId, String name) {
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public TestPartner partner() {
        return partner("partner_billed");
    }

    public TestPartner partner(String billingModel) {
        var data = admin.get().contentType(JSON).body(Json.of(obj("name", unique("Partner"), "billing_model", billingModel)))
                .post("/admin/v1/partners").then().statusCode(201).extract().jsonPath();
        return new TestPartner(data.getString("data.partner_id"), data.getString("data.client_id"),
                data.getString("data.client_secret"));
    }

    /** A partner-billed partner with sandbox payout {@code ba_sandbox} and the given sandbox card. */
    public TestPartner buyer(String card) {
        TestPartner partner = partner();
        admin.get().contentType("application/json").body(Json.of(obj(
                        "payout_method", obj("provider", "sandbox", "reference", "ba_sandbox"),
                        "card_on_file", obj("provider", "sandbox", "reference", card))))
                .put("/admin/v1/partners/" + partner.id() + "/payment-configuration").then().statusCode(200);
        return partner;
    }

    public TestPartner buyer() {
        return buyer("tok_visa");
    }

    public String token(TestPartner partner) {
        return anonymous.get().contentType(JSON).body(Json.of(obj("client_id", partner.clientId(), "client_secret", partner.clientSecret(),
                        "grant_type", "client_credentials")))
                .post("/v1/auth/token").then().statusCode(200).extract().path("data.access_token");
    }

    /** A token with only {@code scope} (the token request's own {@code scope} parameter). */
    public String tokenWithScope(TestPartner partner, String scope) {
        return anonymous.get().contentType(JSON).body(Json.of(obj("client_id", partner.clientId(), "client_secret",
                        partner.clientSecret(), "grant_type", "client_credentials", "scope", scope)))
                .post("/v1/auth/token").then().statusCode(200).extract().path("data.access_token");
    }

    public String venue(String name, String timezone) {
        return admin.get().contentType(JSON).body(Json.of(obj("name", name, "city", "Springfield", "state", "IL", "country", "US",
                        "timezone", timezone)))
                .post("/admin/v1/venues").then().statusCode(201).extract().path("data.venue_id");
    }

    public String performer(String name) {
        return admin.get().contentType(JSON).body(Json.of(obj("name", name))).post("/admin/v1/performers")
                .then().statusCode(201).extract().path("data.performer_id");
    }

    /** An on-sale event starting {@code in} from now at a new venue, with seated section "A" (rows 1-3) and GA "GA". */
    public TestEvent event(Duration in, List<String> performerIds) {
        String venue = venue(unique("Venue"), "America/New_York");
        return event(venue, unique("Event"), clock.instant().plus(in), performerIds);
    }

    public TestEvent event(String venueId, String name, Instant startsAt, List<String> performerIds) {
        Map<String, Object> body = obj("name", name, "venue_id", venueId, "event_datetime_utc", startsAt.toString(),
                "performer_ids", performerIds, "sections", List.of(
                        obj("name", "A", "display_name", "Section A", "rows", List.of(
                                obj("name", "1", "rank", 1), obj("name", "2", "rank", 2), obj("name", "3", "rank", 3))),
                        obj("name", "GA", "is_ga", true)));
        String id = admin.get().contentType(JSON).body(Json.of(body)).post("/admin/v1/events").then().statusCode(201)
                .extract().path("data.event.event_id");
        return new TestEvent(id, venueId, name);
    }

    /** Loads ticket lines: each {section, row, from, to, price} or {section, quantity, price} (GA). */
    public long tickets(String eventId, List<Map<String, Object>> lines) {
        List<Map<String, Object>> batches = new ArrayList<>(lines);
        Number loaded = admin.get().contentType(JSON).body(Json.of(obj("tickets", batches)))
                .post("/admin/v1/events/" + eventId + "/tickets").then().statusCode(201).extract().path("data.tickets");
        return loaded.longValue();
    }

    public static Map<String, Object> seats(String section, String row, int from, int to, String price, String... types) {
        return obj("section_name", section, "row_name", row, "seat_from", from, "seat_to", to, "price", price,
                "delivery_types", types.length == 0 ? List.of("mobile_transfer") : List.of(types));
    }

    public static Map<String, Object> ga(String section, int quantity, String price) {
        return obj("section_name", section, "quantity", quantity, "price", price, "delivery_types", List.of("mobile_qr", "pdf"));
    }
}
