package org.boxoffice.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.inventory.HoldService;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.settings.Settings;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Race;
import org.boxoffice.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A quote becomes an order once because it is consumed by one conditional update, whose row count decides: of many
 * consumers at once exactly one wins, the others are told it is consumed. The control is the same {@link QuoteService}
 * over a repository whose consume checks, then acts — every racer has read the quote before any writes (a gate).
 * Measured: the control lets more than one consumer win in 10 of 10 rounds; the real code lets exactly one win in
 * 10 of 10. ({@code OrderRaceTest} races whole orders on one quote through the API.)
 */
class QuoteConsumeRaceTest extends ApiTest {
    private static final int ROUNDS = 10;
    private static final int RACERS = 8; // fewer than the connection pool: each racer waits at the gate holding one
    @Autowired
    QuoteService quotes;
    @Autowired
    QuoteRepository repository;
    @Autowired
    CatalogService catalog;
    @Autowired
    HoldService holds;
    @Autowired
    PartnerService partners;
    @Autowired
    Settings settings;
    @Autowired
    Clock appClock;
    @Autowired
    TransactionTemplate transaction;

    /** Consume as check-then-act: reads the quote, waits for every racer to have read it, then writes regardless. */
    static final class CheckThenAct extends QuoteRepository {
        private final JdbcClient jdbc;
        private final CyclicBarrier gate = new CyclicBarrier(RACERS);

        CheckThenAct(JdbcClient jdbc) {
            super(jdbc);
            this.jdbc = jdbc;
        }

        @Override
        boolean consume(String id, Instant now) {
            Quote quote = find(id).orElseThrow();
            boolean usable = quote.status(now) == QuoteStatus.ACTIVE;
            Race.await(gate);
            return usable && jdbc.sql("UPDATE quotes SET status = 'consumed' WHERE id = :id").param("id", id).update() == 1;
        }
    }

    /** How many racers consumed the same quote, one count per round. */
    private List<Integer> race(QuoteService consuming) {
        String token = fixtures.token(fixtures.buyer());
        TestEvent event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 2 * ROUNDS, "25.00", "pdf")));
        return java.util.stream.IntStream.range(0, ROUNDS).mapToObj(round -> {
            Quote quote = repository.find(buying.quoteId(token, event.id(), "A", null, 1)).orElseThrow();
            AtomicInteger won = new AtomicInteger();
            Race.atOnce(RACERS, racer -> {
                try {
                    transaction.executeWithoutResult(status -> consuming.consume(quote));
                    won.incrementAndGet();
                } catch (ApiException refused) {
                    assertThat(refused.code().name()).isEqualTo("QUOTE_ALREADY_CONSUMED");
                }
            });
            return won.get();
        }).toList();
    }

    @Test
    void theConditionalUpdateLetsExactlyOneConsumerWin() {
        assertThat(race(quotes)).hasSize(ROUNDS).containsOnly(1);
    }

    @Test
    void controlCheckThenActLetsSeveralWinEveryRound() {
        QuoteService unguarded = new QuoteService(new CheckThenAct(jdbc), catalog, holds, partners, settings, appClock);
        assertThat(race(unguarded)).hasSize(ROUNDS).allSatisfy(won -> assertThat(won).isGreaterThan(1));
    }
}
