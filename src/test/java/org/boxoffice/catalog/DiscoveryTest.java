package org.boxoffice.catalog;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures;
import org.boxoffice.support.Fixtures.TestEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest extends ApiTest {
    private String token;
    private String venue;
    private String venueName;
    private String headliner;
    private String headlinerName;
    private TestEvent early;
    private TestEvent late;
    private TestEvent past;

    /** A venue of its own with three events: one past, one in 3 days (with the headliner), one in 40 days. */
    @BeforeEach
    void catalogue() {
        token = fixtures.token(fixtures.partner());
        venueName = Fixtures.unique("Hall");
        venue = fixtures.venue(venueName, "America/New_York");
        headlinerName = Fixtures.unique("Headliner");
        headliner = fixtures.performer(headlinerName);
        Instant now = clock.instant();
        past = fixtures.event(venue, Fixtures.unique("Past Show"), now.minus(Duration.ofDays(3)), List.of());
        early = fixtures.event(venue, Fixtures.unique("Jazz Night"), now.plus(Duration.ofDays(3)), List.of(headliner));
        late = fixtures.event(venue, Fixtures.unique("Rock Night"), now.plus(Duration.ofDays(40)), List.of());
        fixtures.tickets(early.id(), List.of(Fixtures.seats("A", "1", 1, 4, "80.00"), Fixtures.ga("GA", 6, "30.00")));
    }

    @Test
    void eventsOfAVenueFromTodayInStartOrderWithAvailabilityAndMinPrice() {
        as(token).get("/v1/events?venue_id=" + venue).then().statusCode(200)
                .body("data.event_id", contains(early.id(), late.id()))
                .body("data[0].tickets_available", equalTo(10))
                .body("data[0].min_price.amount", equalTo("30.00"))
                .body("data[0].min_price.currency", equalTo("USD"))
                .body("data[0].venue.venue_name", equalTo(venueName))
                .body("data[0].performers[0].performer_name", equalTo(headlinerName))
                .body("data[0].event_timezone", equalTo("America/New_York"))
                .body("data[1].tickets_available", equalTo(0))
                .body("data[1].min_price", equalTo(null))
                .body("pagination.total", equalTo(2));
    }

    @Test
    void everyFilter() {
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        as(token).get("/v1/events?venue_id=" + venue + "&q=" + early.name().substring(0, 6).toLowerCase())
                .then().body("data.event_id", contains(early.id()));
        as(token).get("/v1/events?venue_name=" + venueName.toUpperCase()).then().body("data.event_id", contains(early.id(), late.id()));
        as(token).get("/v1/events?performer_id=" + headliner).then().body("data.event_id", contains(early.id()));
        as(token).get("/v1/events?performer_name=" + headlinerName.substring(3)).then().body("data.event_id", contains(early.id()));
        String pastDay = LocalDate.ofInstant(clock.instant().minus(Duration.ofDays(5)), ZoneOffset.UTC).toString();
        as(token).get("/v1/events?venue_id=" + venue + "&date_from=" + pastDay).then()
                .body("data.event_id", contains(past.id(), early.id(), late.id()));
        String in10 = LocalDate.ofInstant(clock.instant().plus(Duration.ofDays(10)), ZoneOffset.UTC).toString();
        as(token).get("/v1/events?venue_id=" + venue + "&date_from=" + today + "&date_to=" + in10).then()
                .body("data.event_id", contains(early.id()));
        as(token).get("/v1/events?venue_id=" + venue + "&status=cancelled").then().body("data", empty());
        as(token).get("/v1/events?q=%25").then().statusCode(200);
    }

    @Test
    void localDatesAreTheEventsOwnDates() {
        String tokyoVenue = fixtures.venue(Fixtures.unique("Tokyo Dome"), "Asia/Tokyo");
        // 2027-03-01T20:00Z is 2027-03-02 05:00 in Tokyo: it is an event of 2 March there.
        TestEvent event = fixtures.event(tokyoVenue, "Late Show", Instant.parse("2027-03-01T20:00:00Z"), List.of());
        as(token).get("/v1/events?venue_id=" + tokyoVenue + "&date_from=2027-03-02&date_to=2027-03-02").then()
                .body("data.event_id", contains(event.id()))
                .body("data[0].event_datetime_local", equalTo("2027-03-02T05:00:00"));
        as(token).get("/v1/events?venue_id=" + tokyoVenue + "&date_from=2027-03-01&date_to=2027-03-01").then()
                .body("data", empty());
    }

    @Test
    void paginationAndItsLimits() {
        as(token).get("/v1/events?venue_id=" + venue + "&limit=1").then()
                .body("data.event_id", contains(early.id()))
                .body("pagination.has_more", equalTo(true)).body("pagination.limit", equalTo(1));
        as(token).get("/v1/events?venue_id=" + venue + "&limit=1&offset=1").then()
                .body("data.event_id", contains(late.id())).body("pagination.has_more", equalTo(false))
                .body("pagination.offset", equalTo(1));
        as(token).get("/v1/events?venue_id=" + venue + "&offset=50").then().body("data", empty())
                .body("pagination.total", equalTo(2));
        for (String bad : List.of("limit=0", "limit=101", "limit=abc", "offset=-1", "date_from=2027-13-01",
                "date_from=2027-02-01&date_to=2027-01-01", "status=sold_out")) {
            as(token).get("/v1/events?" + bad).then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        }
        as(token).get("/v1/events?limit=100").then().statusCode(200);
    }

    @Test
    void eventVenueAndPerformerById() {
        as(token).get("/v1/events/" + early.id()).then().statusCode(200)
                .body("data.event_name", equalTo(early.name())).body("data.tickets_available", equalTo(10));
        as(token).get("/v1/events/evt_nope").then().statusCode(404).body("error.code", equalTo("EVENT_NOT_FOUND"));
        as(token).get("/v1/venues/" + venue).then().statusCode(200).body("data.venue_name", equalTo(venueName));
        as(token).get("/v1/venues/ven_nope").then().statusCode(404).body("error.code", equalTo("VENUE_NOT_FOUND"));
        as(token).get("/v1/performers/" + headliner).then().statusCode(200).body("data.performer_name", equalTo(headlinerName));
        as(token).get("/v1/performers/prf_nope").then().statusCode(404).body("error.code", equalTo("PERFORMER_NOT_FOUND"));
    }

    @Test
    void venuesAndPerformersAreSearchedByName() {
        as(token).get("/v1/venues?q=" + venueName.substring(5)).then().statusCode(200)
                .body("data.venue_id", contains(venue)).body("pagination.total", equalTo(1));
        as(token).get("/v1/performers?q=" + headlinerName.toLowerCase()).then().statusCode(200)
                .body("data.performer_id", contains(headliner));
        as(token).get("/v1/venues?limit=2").then().statusCode(200).body("data", hasSize(2));
    }
}
