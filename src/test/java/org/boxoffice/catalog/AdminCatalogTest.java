package org.boxoffice.catalog;

import static io.restassured.http.ContentType.JSON;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.Test;

class AdminCatalogTest extends ApiTest {

    @Test
    void venuesAndPerformersAreCreatedAndRead() {
        String venue = fixtures.venue("Grand Hall", "Europe/London");
        admin().get("/admin/v1/venues/" + venue).then().statusCode(200).body("data.timezone", equalTo("Europe/London"));
        String performer = fixtures.performer("The Testers");
        admin().get("/admin/v1/performers/" + performer).then().statusCode(200)
                .body("data.performer_name", equalTo("The Testers"));
        admin().get("/admin/v1/venues/ven_nope").then().statusCode(404).body("error.code", equalTo("VENUE_NOT_FOUND"));
        admin().get("/admin/v1/performers/prf_nope").then().statusCode(404).body("error.code", equalTo("PERFORMER_NOT_FOUND"));
    }

    @Test
    void venueValidation() {
        admin().contentType(JSON).body(Json.of(obj("name", "X", "city", "Y", "country", "USA", "timezone", "Mars/Base")))
                .post("/admin/v1/venues").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        admin().contentType(JSON).body(Json.of(obj("name", "X", "city", "Y", "country", "US", "timezone", "Mars/Base")))
                .post("/admin/v1/venues").then().statusCode(400).body("error.details.fields[0].field", equalTo("timezone"));
    }

    @Test
    void anEventTakesLocalTimeInTheVenueZoneWithSectionsRowsAndGa() {
        String venue = fixtures.venue(Fixtures.unique("Venue"), "America/Chicago");
        String performer = fixtures.performer("Opening Act");
        var body = obj("name", "Winter Gala", "venue_id", venue, "event_datetime_local", "2027-01-15T19:30:00",
                "performer_ids", List.of(performer), "sections", List.of(
                        obj("name", "ORCH", "rows", List.of(obj("name", "AA", "rank", 1), obj("name", "BB", "rank", 2))),
                        obj("name", "LAWN", "is_ga", true)));
        admin().contentType(JSON).body(Json.of(body)).post("/admin/v1/events").then().statusCode(201)
                .body("data.event.event_id", startsWith("evt_"))
                .body("data.event.event_datetime_utc", equalTo("2027-01-16T01:30:00Z"))
                .body("data.event.event_datetime_local", equalTo("2027-01-15T19:30:00"))
                .body("data.event.event_timezone", equalTo("America/Chicago"))
                .body("data.event.status", equalTo("on_sale"))
                .body("data.event.performers[0].performer_name", equalTo("Opening Act"))
                .body("data.sections", hasSize(2))
                .body("data.sections[0].rows[1].row_name", equalTo("BB"))
                .body("data.sections[1].is_ga", equalTo(true))
                .body("data.sections[1].rows[0].row_name", equalTo("GA"));
    }

    @Test
    void eventValidation() {
        String venue = fixtures.venue(Fixtures.unique("Venue"), "America/Chicago");
        String at = "2027-01-15T19:30:00";
        admin().contentType(JSON).body(Json.of(obj("name", "E", "venue_id", "ven_nope", "event_datetime_local", at)))
                .post("/admin/v1/events").then().statusCode(404).body("error.code", equalTo("VENUE_NOT_FOUND"));
        for (Object bad : List.of(
                obj("name", "E", "venue_id", venue),
                obj("name", "E", "venue_id", venue, "event_datetime_local", at, "currency", "XYZ"),
                obj("name", "E", "venue_id", venue, "event_datetime_local", at, "status", "sold_out"),
                obj("name", "E", "venue_id", venue, "event_datetime_local", at, "performer_ids", List.of("prf_nope")),
                obj("name", "E", "venue_id", venue, "event_datetime_local", at, "sections", List.of(obj("name", "S"))),
                obj("name", "E", "venue_id", venue, "event_datetime_local", at, "sections",
                        List.of(obj("name", "S", "is_ga", true), obj("name", "S", "is_ga", true))),
                obj("name", "E", "venue_id", venue, "event_datetime_local", "tomorrow"))) {
            admin().contentType(JSON).body(Json.of(bad)).post("/admin/v1/events").then().statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR"));
        }
    }

    @Test
    void statusChangesAndSectionsCanBeAdded() {
        var event = fixtures.event(Duration.ofDays(10), List.of());
        admin().contentType(JSON).body(Json.of(obj("status", "off_sale"))).put("/admin/v1/events/" + event.id() + "/status")
                .then().statusCode(200).body("data.event.status", equalTo("off_sale"));
        admin().contentType(JSON).body(Json.of(obj("status", "gone"))).put("/admin/v1/events/" + event.id() + "/status")
                .then().statusCode(400);
        admin().contentType(JSON).body(Json.of(obj("status", "cancelled"))).put("/admin/v1/events/evt_nope/status")
                .then().statusCode(404).body("error.code", equalTo("EVENT_NOT_FOUND"));
        admin().contentType(JSON).body(Json.of(obj("name", "BALC", "rows", List.of(obj("name", "1", "rank", 1)))))
                .post("/admin/v1/events/" + event.id() + "/sections").then().statusCode(201)
                .body("data.section_name", equalTo("BALC"));
        admin().contentType(JSON).body(Json.of(obj("name", "BALC", "rows", List.of(obj("name", "1", "rank", 1)))))
                .post("/admin/v1/events/" + event.id() + "/sections").then().statusCode(400);
        admin().get("/admin/v1/events/" + event.id()).then().statusCode(200).body("data.sections", hasSize(3));
    }
}
