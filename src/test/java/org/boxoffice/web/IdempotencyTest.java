package org.boxoffice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Fixtures.TestPartner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdempotencyTest extends ApiTest {
    @Autowired
    LiveNodes nodes;
    @Autowired
    IdempotencyKeyReleases releases;
    private TestPartner buyer;
    private String token;
    private TestEvent event;
    private Instant deadline;

    @BeforeEach
    void setUp() {
        buyer = fixtures.buyer();
        token = fixtures.token(buyer);
        event = fixtures.event(Duration.ofDays(30), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 20, "10.00", "pdf")));
        deadline = clock.instant().plus(Duration.ofDays(10));
    }

    private io.restassured.response.ValidatableResponse quoteWithKey(String key, int quantity) {
        return as(token).contentType("application/json").header("Idempotency-Key", key)
                .body("{\"event_id\":\"" + event.id() + "\",\"section_name\":\"A\",\"quantity\":" + quantity + "}")
                .post("/v1/quotes").then();
    }

    @Test
    void aRetryReplaysTheFirstAnswerWithoutDoingItAgain() {
        String first = quoteWithKey("quote-key-1", 2).statusCode(201).extract().path("data.quote_id");
        quoteWithKey("quote-key-1", 2).statusCode(201).header("Idempotent-Replayed", "true")
                .body("data.quote_id", equalTo(first));
        long held = jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = :e AND hold_id IS NOT NULL").param("e", event.id())
                .query(Long.class).single();
        assertThat(held).isEqualTo(2);
    }

    @Test
    void errorAnswersAreReplayedToo() {
        quoteWithKey("too-many", 25).statusCode(400);
        quoteWithKey("too-many", 25).statusCode(400).header("Idempotent-Replayed", "true");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        quoteWithKey("quote-key-2", 1).statusCode(201);
        quoteWithKey("quote-key-2", 3).statusCode(422).body("error.code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void aKeyWhoseFirstRequestIsStillRunningAnswersInUse() {
        jdbc.sql("""
                        INSERT INTO idempotency_keys (partner_id, key, request_hash, status, created_at, expires_at, node_id)
                        VALUES (:p, 'running', 'x', 'in_progress', :now, :later, :node)""")
                .param("node", nodes.self()) // this node, which beats: the first request may well still run
                .param("p", buyer.id()).param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("later", OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), ZoneOffset.UTC)).update();
        as(token).contentType("application/json").header("Idempotency-Key", "running")
                .body("{\"event_id\":\"" + event.id() + "\",\"section_name\":\"A\",\"quantity\":1}")
                .post("/v1/quotes").then().statusCode(409).header("Retry-After", "1")
                .body("error.code", equalTo("IDEMPOTENCY_KEY_IN_USE"));
        clock.advance(Duration.ofMinutes(6)); // its node died: the key may be taken over
        token = fixtures.token(buyer);
        as(token).contentType("application/json").header("Idempotency-Key", "running")
                .body("{\"event_id\":\"" + event.id() + "\",\"section_name\":\"A\",\"quantity\":1}")
                .post("/v1/quotes").then().statusCode(201);
    }

    /**
     * A node died after committing an order and before storing its answer: the key stays "in progress" under a node
     * that no longer beats. The retry is not kept waiting for the abandon window, and learns which order it made.
     */
    @Test
    void aRetryAfterItsNodeDiedRunsAtOnceAndIsToldTheOrderItAlreadyMade() {
        String quote = buying.quoteId(token, event.id(), "A", null, 2);
        String order = buying.order(token, quote, "pdf", deadline, "answer-lost").statusCode(201)
                .extract().path("data.order_id");
        String forgetTheAnswer = "UPDATE idempotency_keys SET status = 'in_progress', response_status = NULL, "
                + "response_body = NULL, node_id = :node WHERE partner_id = :p AND key = 'answer-lost'";
        jdbc.sql(forgetTheAnswer).param("node", nodes.self()).param("p", buyer.id()).update();
        buying.order(token, quote, "pdf", deadline, "answer-lost").statusCode(409) // control: its node is alive
                .body("error.code", equalTo("IDEMPOTENCY_KEY_IN_USE"));

        jdbc.sql(forgetTheAnswer).param("node", "node_killed").param("p", buyer.id()).update();
        buying.order(token, quote, "pdf", deadline, "answer-lost").statusCode(422)
                .body("error.code", equalTo("QUOTE_ALREADY_CONSUMED"))
                .body("error.details.order_id", equalTo(order)).body("error.details.quote_id", equalTo(quote));
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE quote_id = :q").param("q", quote).query(Long.class).single())
                .isOne();
    }

    /** A late release (one owed since an outage) gives up only the claim it was for, never one taken over since. */
    @Test
    void aReleaseGivesUpOnlyItsOwnClaim() {
        Instant claimedAt = clock.instant();
        String insert = """
                INSERT INTO idempotency_keys (partner_id, key, request_hash, status, created_at, expires_at, node_id)
                VALUES (:p, :k, 'x', 'in_progress', :at, :later, :node)""";
        for (String key : List.of("mine", "taken-over")) {
            jdbc.sql(insert).param("p", buyer.id()).param("k", key)
                    .param("at", OffsetDateTime.ofInstant(claimedAt, ZoneOffset.UTC))
                    .param("later", OffsetDateTime.ofInstant(claimedAt.plus(Duration.ofDays(1)), ZoneOffset.UTC))
                    .param("node", key.equals("mine") ? nodes.self() : "node_other").update();
        }
        releases.release(new IdempotencyKeyReleases.Claim(buyer.id(), "mine", nodes.self(), claimedAt));
        releases.release(new IdempotencyKeyReleases.Claim(buyer.id(), "taken-over", nodes.self(), claimedAt));
        assertThat(jdbc.sql("SELECT key FROM idempotency_keys WHERE partner_id = :p").param("p", buyer.id())
                .query(String.class).list()).containsExactly("taken-over");
        assertThat(releases.retryOwed()).as("nothing owed: the database answered").isZero();
    }

    @Test
    void keysArePerPartnerAndLastTwentyFourHours() {
        String mine = quoteWithKey("shared-key", 1).statusCode(201).extract().path("data.quote_id");
        String otherToken = fixtures.token(fixtures.buyer());
        as(otherToken).contentType("application/json").header("Idempotency-Key", "shared-key")
                .body("{\"event_id\":\"" + event.id() + "\",\"section_name\":\"A\",\"quantity\":1}")
                .post("/v1/quotes").then().statusCode(201).body("data.quote_id", not(equalTo(mine)));
        clock.advance(Duration.ofHours(24));
        token = fixtures.token(buyer);
        quoteWithKey("shared-key", 1).statusCode(201).header("Idempotent-Replayed", (String) null)
                .body("data.quote_id", not(equalTo(mine)));
    }

    @Test
    void aKeyMustBeOneTo255Characters() {
        quoteWithKey("k".repeat(256), 1).statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        quoteWithKey("k".repeat(255), 1).statusCode(201);
    }
}
