package org.boxoffice.basket;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.boxoffice.inventory.HoldService;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.payment.IntentGateway;
import org.boxoffice.payment.Payments;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two reports of the same paid intent settled at the same moment (Stripe sends several event types per payment, and
 * redelivers): the basket is booked once, nothing is refunded. The control settles without the basket's row lock
 * and shows the race is real: the second booking finds the tickets sold and refunds a paid item.
 */
class PaymentRaceTest extends ApiTest {
    private static final int ROUNDS = 15;
    @Autowired
    BasketCheckout checkout;
    @Autowired
    BasketService baskets;
    @Autowired
    BasketRepository repository;
    @Autowired
    BasketBooking booking;
    @Autowired
    PartnerService partners;
    @Autowired
    HoldService holds;
    @Autowired
    Payments payments;
    @Autowired
    IntentGateway intents;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock appClock;
    private String partnerId;
    private String token;
    private TestEvent event;

    @BeforeEach
    void setUp() {
        var partner = fixtures.partner("merchant_of_record");
        partnerId = partner.id();
        token = fixtures.token(partner);
        event = fixtures.event(Duration.ofDays(15), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 2 * ROUNDS, "10.00", "pdf")));
    }

    /** Races two settlements of a paid basket per round; returns the rounds that ended with a refund. */
    private int race(BasketCheckout settling) throws Exception {
        int refunded = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String basket = as(token).contentType(JSON).body("{}").post("/v1/baskets").then().statusCode(201)
                    .extract().path("data.basket_id");
            as(token).contentType(JSON).body(Json.of(obj("event_id", event.id(), "section_name", "A", "quantity", 1)))
                    .post("/v1/baskets/" + basket + "/items").then().statusCode(201);
            String intent = as(token).contentType(JSON).body("{}").post("/v1/baskets/" + basket + "/stripe_object")
                    .then().statusCode(200).extract().path("data.stripe_payment_intent_id");
            jdbc.sql("UPDATE sandbox_intents SET status = 'succeeded' WHERE id = :id").param("id", intent).update();
            IntentGateway.Intent paid = intents.retrieve(intent);
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Void>> both = List.of(1, 2).stream().map(i -> CompletableFuture.runAsync(() -> {
                await(start);
                settling.settle(paid);
            })).toList();
            for (CompletableFuture<Void> f : both) {
                f.get();
            }
            long refunds = jdbc.sql("SELECT count(*) FROM payment_attempts pa JOIN basket_items i ON i.id = pa.order_id "
                    + "WHERE i.basket_id = :b AND pa.kind = 'refund'").param("b", basket).query(Long.class).single();
            refunded += refunds > 0 ? 1 : 0;
        }
        return refunded;
    }

    @Test
    void concurrentReportsOfOnePaymentBookTheBasketOnce() throws Exception {
        assertThat(race(checkout)).isZero();
        assertThat(jdbc.sql("SELECT checkout_status FROM baskets WHERE partner_id = :p").param("p", partnerId)
                .query(String.class).list()).hasSize(ROUNDS).containsOnly("checked_out");
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = :e AND sold").param("e", event.id())
                .query(Long.class).single()).isEqualTo(ROUNDS);
    }

    @Test
    void controlWithoutTheBasketLockTheSecondBookingRefundsAPaidItem() throws Exception {
        BasketCheckout unlocked = new BasketCheckout(baskets, repository, booking, partners, holds, payments, intents,
                transaction, appClock, false);
        assertThat(race(unlocked)).isPositive();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
