package org.boxoffice.billing;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PayoutTest extends ApiTest {
    @Autowired
    Payouts payouts;

    private TestPartner credited(String payoutReference, String amount) {
        TestPartner partner = fixtures.partner();
        admin().contentType(JSON).body(Json.of(obj("payout_method", obj("provider", "sandbox", "reference", payoutReference))))
                .put("/admin/v1/partners/" + partner.id() + "/payment-configuration").then().statusCode(200);
        admin().contentType(JSON).body(Json.of(obj("amount", amount, "currency", "USD", "description", "Commission credit")))
                .post("/admin/v1/partners/" + partner.id() + "/adjustments").then().statusCode(201);
        return partner;
    }

    private io.restassured.response.ValidatableResponse payoutsOf(TestPartner partner) {
        return admin().get("/admin/v1/payouts?partner_id=" + partner.id()).then().statusCode(200);
    }

    @Test
    void aBalanceIsPaidOutAndSettlesAsPaid() {
        TestPartner partner = credited("ba_sandbox", "50.00");
        admin().post("/admin/v1/payouts/run").then().statusCode(200);
        payoutsOf(partner).body("data", hasSize(1)).body("data[0].status", equalTo("in_transit"))
                .body("data[0].amount.amount", equalTo("50.00"));
        as(partner).get("/v1/billing/balance").then().body("data.available[0].amount", equalTo("0.00"));
        as(partner).get("/v1/billing/transactions?type=payout").then().body("data[0].amount.amount", equalTo("-50.00"));
        admin().post("/admin/v1/payouts/sync").then().statusCode(200);
        payoutsOf(partner).body("data[0].status", equalTo("paid"));
    }

    @Test
    void aFailedPayoutGivesTheMoneyBackToTheBalance() {
        TestPartner partner = credited("ba_sandbox_fail", "30.00");
        admin().post("/admin/v1/payouts/run").then().statusCode(200);
        payoutsOf(partner).body("data[0].status", equalTo("failed")).body("data[0].failure_code", equalTo("account_closed"));
        as(partner).get("/v1/billing/balance").then().body("data.available[0].amount", equalTo("30.00"));
        var payoutTxns = as(partner).get("/v1/billing/transactions?type=payout").then()
                .body("data.amount.amount", contains("30.00", "-30.00")).extract().jsonPath();
        assertThat(payoutTxns.getString("data[0].corrects")).isEqualTo(payoutTxns.getString("data[1].transaction_id"));
    }

    @Test
    void smallBalancesWaitAndABalanceIsPaidOnce() {
        TestPartner small = credited("ba_sandbox", "0.50");
        TestPartner paid = credited("ba_sandbox", "20.00");
        admin().post("/admin/v1/payouts/run").then().statusCode(200);
        admin().post("/admin/v1/payouts/run").then().statusCode(200);
        payoutsOf(small).body("data", hasSize(0));
        payoutsOf(paid).body("data", hasSize(1));
        admin().get("/admin/v1/payouts?status=sent").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
    }

    private static final int ROUNDS = 10;

    /**
     * Holds the first run of a round inside its decision (after it looked for an open payout, before it records one)
     * until the second run is there too: at the same point, or seen by PostgreSQL waiting for the partner's row lock.
     * So in every round both runs really are deciding about the same partner at once.
     */
    static final class Gate {
        private final AtomicInteger arrived = new AtomicInteger();
        private final CountDownLatch second = new CountDownLatch(1);
        private volatile boolean sawTheOtherBlocked;

        void pass(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
            if (arrived.incrementAndGet() > 1) {
                second.countDown();
                return;
            }
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> {
                sawTheOtherBlocked = waitingForAPartnerLock(jdbc);
                return second.getCount() == 0 || sawTheOtherBlocked;
            });
        }

        private static boolean waitingForAPartnerLock(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
            return jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'
                      AND query LIKE 'SELECT id FROM partners WHERE id = % FOR UPDATE'""").query(Long.class).single() > 0;
        }
    }

    /** The real repository, with the round's gate after the look for an open payout. */
    static final class GatedPayoutRepository extends PayoutRepository {
        private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
        private final Gate gate;

        GatedPayoutRepository(org.springframework.jdbc.core.simple.JdbcClient jdbc, Gate gate) {
            super(jdbc);
            this.jdbc = jdbc;
            this.gate = gate;
        }

        @Override
        boolean hasOpen(String partnerId, String currency) {
            boolean open = super.hasOpen(partnerId, currency);
            gate.pass(jdbc);
            return open;
        }
    }

    @Autowired
    Ledger ledger;
    @Autowired
    org.boxoffice.partner.PartnerService partnerService;
    @Autowired
    org.boxoffice.payment.Payments payments;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactionTemplate;

    /** One round: a partner with a balance (the only one with a payout method), paid by two runs at once. */
    private record Round(TestPartner partner, int collided, boolean sawTheOtherBlocked) {
    }

    private Round race(boolean locking, String amount) throws Exception {
        TestPartner partner = credited("ba_sandbox", amount);
        jdbc.sql("UPDATE partners SET payout_provider = NULL, payout_reference = NULL WHERE id <> :p AND payout_provider IS NOT NULL")
                .param("p", partner.id()).update(); // only this partner in the round, so both runs decide about it
        Gate gate = new Gate();
        Payouts runs = new Payouts(new GatedPayoutRepository(jdbc, gate), ledger, partnerService, payments,
                transactionTemplate, clock, 100) {
            @Override
            void lock(org.boxoffice.partner.Partner partner) {
                if (locking) {
                    super.lock(partner);
                } // the control decides without the partner's lock
            }
        };
        int collided = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Future<List<Payout>> run : List.of(pool.submit(runs::run), pool.submit(runs::run))) {
                try {
                    run.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e).hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class)
                            .hasStackTraceContaining("payouts_open");
                    collided++;
                }
            }
        }
        return new Round(partner, collided, gate.sawTheOtherBlocked);
    }

    /**
     * Control: without the partner lock both runs of a round read the balance and decide to pay it, and only the
     * one-open-payout index stops the second. Measured: 10 of 10 rounds.
     */
    @Test
    void controlWithoutThePartnerLockBothRunsDecideToPayTheSameBalance() throws Exception {
        int lost = 0;
        for (int round = 0; round < ROUNDS; round++) {
            lost += race(false, "14.00").collided();
        }
        assertThat(lost).isEqualTo(ROUNDS);
    }

    /**
     * The partner lock: in every round the second run was seen waiting for it while the first decided, and then found
     * nothing left to pay. Each balance is paid once, posted once.
     */
    @Test
    void twoRunsAtOncePayEachBalanceOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Round done = race(true, "1" + round + ".00");
            assertThat(done.collided()).isZero();
            assertThat(done.sawTheOtherBlocked()).as("round %d: the second run waited for the lock", round).isTrue();
            payoutsOf(done.partner()).body("data", hasSize(1)).body("data[0].amount.amount", equalTo("1" + round + ".00"));
            long paidOut = jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE partner_id = :p AND type = 'payout'")
                    .param("p", done.partner().id()).query(Long.class).single();
            assertThat(paidOut).isEqualTo(1);
            assertThat(ledger.balances(done.partner().id())).containsEntry("USD", 0L);
        }
    }
}
