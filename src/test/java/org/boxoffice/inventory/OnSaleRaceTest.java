package org.boxoffice.inventory;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.ga;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Json;
import org.boxoffice.support.Race;
import org.boxoffice.support.StockRecount;
import org.junit.jupiter.api.Test;

/**
 * The on-sale: 500 clients of 10 partners start at the same instant on one event, each for 2 seats of section A
 * (best row) or 2 GA tickets, far more than there are. A client told 503 (the door is full) asks again at once, as a
 * client honouring a Retry-After of 0 would. No ticket is ever in two quotes, no answer is a 500, the summaries equal a
 * recount, and whoever was told 422 was told the truth: what is left cannot make a pair. That holds with row locks;
 * {@code SeatRaceTest} shows the same race without them sells seats twice.
 */
class OnSaleRaceTest extends ApiTest {
    private static final int CLIENTS = 500;
    private static final int SEATS_PER_ROW = 20;
    private static final int GA = 60;

    @Test
    void fiveHundredClientsAtOnceNeverGetTheSameTicketAndSoldOutMeansSoldOut() {
        List<String> tokens = java.util.stream.IntStream.range(0, 10).mapToObj(i -> fixtures.token(fixtures.buyer())).toList();
        String event = fixtures.event(Duration.ofDays(10), List.of()).id();
        fixtures.tickets(event, List.of(seats("A", "1", 1, SEATS_PER_ROW, "80.00"), seats("A", "2", 1, SEATS_PER_ROW, "70.00"),
                seats("A", "3", 1, SEATS_PER_ROW, "60.00"), ga("GA", GA, "40.00")));
        AtomicIntegerArray answers = new AtomicIntegerArray(CLIENTS);
        Race.atOnce(CLIENTS, client -> answers.set(client, Race.untilServed(() -> as(tokens.get(client % tokens.size()))
                .contentType(JSON).body(Json.of(obj("event_id", event, "section_name", client % 2 == 0 ? "A" : "GA",
                        "quantity", 2))).post("/v1/quotes").statusCode())));

        Set<Integer> statuses = new HashSet<>();
        int created = 0;
        for (int i = 0; i < CLIENTS; i++) {
            statuses.add(answers.get(i));
            created += answers.get(i) == 201 ? 1 : 0;
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 422);
        List<String> quoted = jdbc.sql("SELECT unnest(ticket_ids) FROM quotes WHERE event_id = :e")
                .param("e", event).query(String.class).list();
        assertThat(quoted).hasSize(2 * created).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = :e AND hold_id LIKE 'qt_%'").param("e", event)
                .query(Integer.class).single()).isEqualTo(2 * created);
        assertThat(StockRecount.differences(jdbc)).isEmpty();

        as(tokens.getFirst()).get("/v1/events/" + event).then().statusCode(200)
                .body("data.tickets_available", org.hamcrest.Matchers.equalTo(3 * SEATS_PER_ROW + GA - 2 * created));
        List<Integer> longestRuns = as(tokens.getFirst()).get("/v1/events/" + event + "/sections/A/rows").then()
                .statusCode(200).extract().path("data.max_contiguous");
        assertThat(longestRuns).allSatisfy(run -> assertThat(run).isLessThan(2));
        List<Integer> gaLeft = as(tokens.getFirst()).get("/v1/events/" + event + "/sections/GA/rows").then()
                .statusCode(200).extract().path("data.available_quantity");
        assertThat(gaLeft).allSatisfy(left -> assertThat(left).isLessThan(2));
    }
}
