package org.boxoffice.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Race;
import org.junit.jupiter.api.Test;

/**
 * Twenty orders on one quote at once, through the API, give one order and one charge, because the quote is consumed
 * by a single conditional update. That update's control — the same quote code with check-then-act instead, gated so
 * every racer reads before any writes — is {@code quote/QuoteConsumeRaceTest}: there several win every round.
 */
class OrderRaceTest extends ApiTest {
    private static final int RACERS = 20;

    private String quote(String token) {
        TestEvent event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 4, "25.00", "pdf")));
        return buying.quoteId(token, event.id(), "A", "1", 2);
    }

    @Test
    void twentyConcurrentOrdersOnOneQuoteMakeOneOrderAndOneCharge() throws Exception {
        String token = fixtures.token(fixtures.buyer());
        String quote = quote(token);
        Instant deadline = clock.instant().plus(Duration.ofDays(5));
        List<Integer> codes = Race.results(RACERS, racer -> buying.order(token, quote, "pdf", deadline).extract().statusCode());
        assertThat(codes.stream().filter(c -> c == 201).count()).isEqualTo(1);
        assertThat(codes.stream().filter(c -> c == 422).count()).isEqualTo(RACERS - 1);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE quote_id = :q").param("q", quote).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE idempotency_key IN (SELECT a.id FROM payment_attempts a "
                + "JOIN orders o ON o.id = a.owner_id WHERE o.quote_id = :q)").param("q", quote).query(Long.class).single())
                .isEqualTo(1);
    }
}
