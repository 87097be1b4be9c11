package org.boxoffice.billing;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Fixtures.TestPartner;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

class BillingTest extends ApiTest {
    private TestPartner buyer;
    private String token;
    private String order;
    private String month;

    @BeforeEach
    void anOrderChargedAndRefunded() {
        admin().contentType(JSON).body(Json.of(obj("fee_percent_bps", 1000, "fee_fixed_minor", 0))).put("/admin/v1/settings");
        buyer = fixtures.buyer();
        token = fixtures.token(buyer);
        TestEvent event = fixtures.event(Duration.ofDays(20), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 4, "100.00", "pdf")));
        order = buying.order(token, buying.quoteId(token, event.id(), "A", "1", 2), "pdf", clock.instant().plus(Duration.ofDays(2)))
                .statusCode(201).extract().path("data.order_id");
        month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();
    }

    private io.restassured.response.ValidatableResponse adjust(Object body) {
        return admin().contentType(JSON).body(Json.of(body)).post("/admin/v1/partners/" + buyer.id() + "/adjustments").then();
    }

    @Test
    void aCapturedOrderIsACardChargeThatLeavesTheBalanceAlone() {
        as(token).get("/v1/billing/transactions").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].transaction_id", startsWith("txn_"))
                .body("data[0].type", equalTo("charge")).body("data[0].order_id", equalTo(order))
                .body("data[0].amount.amount", equalTo("-220.00")).body("data[0].balance_effect.amount", equalTo("0.00"));
        as(token).get("/v1/billing/balance").then().statusCode(200).body("data.available[0].amount", equalTo("0.00"))
                .body("data.available[0].currency", equalTo("USD"));
        admin().get("/admin/v1/partners/" + buyer.id() + "/ledger").then().statusCode(200)
                .body("data[0].transaction.type", equalTo("charge"))
                .body("data[0].entries.account", contains("card:sandbox", "revenue:tickets", "revenue:fees"))
                .body("data[0].entries[0].debit.amount", equalTo("220.00"))
                .body("data[0].entries[1].credit.amount", equalTo("200.00"))
                .body("data[0].entries[2].credit.amount", equalTo("20.00"));
    }

    @Test
    void aCancelledOrderIsRefundedToTheCard() {
        admin().post("/admin/v1/orders/" + order + "/cancel").then().statusCode(200);
        as(token).get("/v1/billing/transactions?type=refund").then()
                .body("data", hasSize(1)).body("data[0].amount.amount", equalTo("220.00"))
                .body("data[0].order_id", equalTo(order));
        as(token).get("/v1/billing/transactions").then().body("data.type", contains("refund", "charge"));
    }

    @Test
    void adjustmentsMoveTheBalanceAndCorrectionsPointAtWhatTheyCorrect() {
        String credit = adjust(obj("amount", "12.50", "currency", "USD", "description", "Goodwill credit")).statusCode(201)
                .body("data.transaction.type", equalTo("adjustment"))
                .body("data.transaction.balance_effect.amount", equalTo("12.50"))
                .body("data.entries.account", contains("expense:adjustments", "partner:" + buyer.id() + ":payable"))
                .extract().path("data.transaction.transaction_id");
        adjust(obj("amount", "-2.50", "currency", "USD", "description", "Credit was too high", "corrects", credit))
                .statusCode(201).body("data.transaction.corrects", equalTo(credit));
        as(token).get("/v1/billing/balance").then().body("data.available[0].amount", equalTo("10.00"));
    }

    @Test
    void adjustmentValidation() {
        for (Object bad : List.of(obj("amount", "0", "currency", "USD", "description", "x"),
                obj("amount", "1.005", "currency", "USD", "description", "x"),
                obj("amount", "ten", "currency", "USD", "description", "x"),
                obj("amount", "1.00", "currency", "XXQ", "description", "x"),
                obj("amount", "1.00", "currency", "USD", "description", ""),
                obj("amount", "1.00", "currency", "USD", "description", "x", "corrects", "txn_nope"))) {
            adjust(bad).statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        }
        admin().contentType(JSON).body(Json.of(obj("amount", "1.00", "currency", "USD", "description", "x")))
                .post("/admin/v1/partners/prt_nope/adjustments").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        as(token).get("/v1/billing/balance").then().body("data.available[0].amount", equalTo("0.00"));
    }

    @Test
    void aMonthlyStatementAsJsonAndCsv() {
        adjust(obj("amount", "5.00", "currency", "USD", "description", "Credit, with a \"quote\"")).statusCode(201);
        as(token).get("/v1/billing/statements/" + month).then().statusCode(200)
                .body("data.month", equalTo(month))
                .body("data.balances[0].currency", equalTo("USD"))
                .body("data.balances[0].opening_balance.amount", equalTo("0.00"))
                .body("data.balances[0].closing_balance.amount", equalTo("5.00"))
                .body("data.transactions.type", contains("charge", "adjustment"));
        String csv = as(token).accept("text/csv").get("/v1/billing/statements/" + month).then().statusCode(200)
                .header("Content-Type", startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()) // the columns a partner's spreadsheet is built on: a contract, written here
                .isEqualTo("date,transaction_id,type,description,order_id,amount,currency,balance_effect,balance");
        assertThat(lines.get(1)).contains("opening_balance").endsWith(",USD,,0.00");
        assertThat(lines.get(2)).contains(",charge,").contains(",-220.00,USD,0.00,0.00");
        assertThat(lines.get(3)).contains(",adjustment,\"Credit, with a \"\"quote\"\"\",,5.00,USD,5.00,5.00");
        assertThat(lines.getLast()).contains("closing_balance").endsWith(",USD,,5.00");
        String next = YearMonth.parse(month).plusMonths(1).toString();
        as(token).get("/v1/billing/statements/" + next).then().body("data.balances[0].opening_balance.amount", equalTo("5.00"))
                .body("data.transactions", empty());
    }

    @Test
    void billingRequestErrors() {
        as(token).get("/v1/billing/statements/2026-13").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        as(token).get("/v1/billing/transactions?type=gift").then().statusCode(400);
        as(token).get("/v1/billing/transactions?from=yesterday").then().statusCode(400);
        String today = clock.instant().toString().substring(0, 10);
        as(token).get("/v1/billing/transactions?from=" + today + "&to=" + today).then().body("data", hasSize(1));
        as(token).get("/v1/billing/transactions?to=" + clock.instant().minusSeconds(60)).then().body("data", empty());
        String noBilling = anonymous().contentType(JSON).body(Json.of(obj("client_id", buyer.clientId(), "client_secret",
                buyer.clientSecret(), "grant_type", "client_credentials", "scope", "events:read")))
                .post("/v1/auth/token").then().extract().path("data.access_token");
        as(noBilling).get("/v1/billing/balance").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        as(fixtures.token(fixtures.buyer())).get("/v1/billing/transactions").then().body("data", empty());
    }

    @Test
    void theDatabaseItselfKeepsTheLedgerAppendOnlyAndBalanced() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_transactions SET amount_minor = 0 WHERE order_id = :o")
                .param("o", order).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_entries WHERE transaction_id IN "
                + "(SELECT id FROM ledger_transactions WHERE order_id = :o)").param("o", order).update())
                .hasMessageContaining("append-only");
        TransactionTemplate tx = new TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            jdbc.sql("INSERT INTO ledger_transactions (id, partner_id, type, amount_minor, balance_effect_minor, currency, "
                    + "description, created_at) VALUES ('txn_unbalanced', :p, 'adjustment', 1, 1, 'USD', 'x', now())")
                    .param("p", buyer.id()).update();
            jdbc.sql("INSERT INTO ledger_entries VALUES ('txn_unbalanced', 1, 'expense:adjustments', 1, 'USD')").update();
        })).hasStackTraceContaining("does not balance");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE id = 'txn_unbalanced'").query(Long.class)
                .single()).as("the refused transaction left nothing").isZero();
        // Balanced, but it claims to move the balance by 5 while its entries owe the partner 1 more: balances read the
        // claim (V19), so the database refuses it.
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            jdbc.sql("INSERT INTO ledger_transactions (id, partner_id, type, amount_minor, balance_effect_minor, currency, "
                    + "description, created_at) VALUES ('txn_misstated', :p, 'adjustment', 1, 5, 'USD', 'x', now())")
                    .param("p", buyer.id()).update();
            jdbc.sql("INSERT INTO ledger_entries VALUES ('txn_misstated', 1, 'expense:adjustments', 1, 'USD'), "
                    + "('txn_misstated', 2, :payable, -1, 'USD')").param("payable", "partner:" + buyer.id() + ":payable")
                    .update();
        })).hasStackTraceContaining("its balance effect does not match its payable entries");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE id = 'txn_misstated'").query(Long.class)
                .single()).as("the refused transaction left nothing").isZero();
    }

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;
}
