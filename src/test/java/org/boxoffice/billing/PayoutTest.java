package org.boxoffice.billing;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    /** Lets both runs look for an open payout before either records one. */
    static final class GatedPayoutRepository extends PayoutRepository {
        private final CyclicBarrier gate;

        GatedPayoutRepository(org.springframework.jdbc.core.simple.JdbcClient jdbc, CyclicBarrier gate) {
            super(jdbc);
            this.gate = gate;
        }

        @Override
        boolean hasOpen(String partnerId, String currency) {
            boolean open = super.hasOpen(partnerId, currency);
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return open;
        }
    }

    @Autowired
    Ledger ledger;
    @Autowired
    org.boxoffice.partner.PartnerService partnerService;
    @Autowired
    List<org.boxoffice.payment.PayoutGateway> payoutGateways;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactionTemplate;

    /** Control: without the partner lock, the same two runs both decide to pay the same balance. */
    @Test
    void controlWithoutThePartnerLockBothRunsDecideToPayTheSameBalance() throws Exception {
        TestPartner partner = credited("ba_sandbox", "14.00");
        jdbc.sql("UPDATE partners SET payout_provider = NULL, payout_reference = NULL WHERE id <> :p AND payout_provider IS NOT NULL")
                .param("p", partner.id()).update(); // only this partner in the round, so both runs meet at the gate
        Payouts unlocked = new Payouts(new GatedPayoutRepository(jdbc, new CyclicBarrier(2)), ledger, partnerService,
                payoutGateways, transactionTemplate, clock, 100) {
            @Override
            void lock(org.boxoffice.partner.Partner partner) {
                // the control: decide without the partner's lock
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Payout>>> runs = List.of(pool.submit(unlocked::run), pool.submit(unlocked::run));
        int collided = 0;
        for (Future<List<Payout>> run : runs) {
            try {
                run.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e).hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class)
                        .hasStackTraceContaining("payouts_open");
                collided++;
            }
        }
        pool.shutdown();
        // Both read the balance and chose to pay it; only the one-open-payout index stopped the second.
        assertThat(collided).isEqualTo(1);
    }

    /** Each run locks a partner while it decides, so concurrent runs on any nodes pay a balance once. */
    @Test
    void twoRunsAtOncePayEachBalanceOnce() throws Exception {
        List<TestPartner> partners = List.of(credited("ba_sandbox", "11.00"), credited("ba_sandbox", "12.00"),
                credited("ba_sandbox", "13.00"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<List<Payout>>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return payouts.run();
            }));
        }
        for (Future<List<Payout>> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (TestPartner partner : partners) {
            payoutsOf(partner).body("data", hasSize(1));
            long paidOut = jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE partner_id = :p AND type = 'payout'")
                    .param("p", partner.id()).query(Long.class).single();
            assertThat(paidOut).isEqualTo(1);
            as(partner).get("/v1/billing/balance").then().body("data.available[0].amount", equalTo("0.00"));
        }
    }
}
