package org.boxoffice.config.database;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.boxoffice.payment.stripe.StripeWebhookSecret;
import org.boxoffice.web.IdempotencyKeyReleases;
import org.boxoffice.web.LiveNodes;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Takes the (embedded) database away on purpose and brings it back. Meanwhile every kind of path, asked many times at
 * once, answers {@code 503 SERVICE_UNAVAILABLE} with {@code Retry-After} (providers' webhooks too, so they deliver
 * again); nothing asked during the outage is left half-done; afterwards everything recovers by itself.
 */
@TestPropertySource(properties = {"boxoffice.db.url=", "boxoffice.db.connection-timeout-ms=500",
        "boxoffice.routable.webhook-secret=" + DatabaseOutageTest.ROUTABLE_SECRET})
class DatabaseOutageTest extends ApiTest {
    static final String ROUTABLE_SECRET = "routable-outage-secret";
    @LocalManagementPort
    int managementPort;
    @Autowired
    DatabaseConfig.DatabaseEndpoint database;
    @Autowired
    StripeWebhookSecret stripeSecret;
    @Autowired
    LiveNodes nodes;
    @Autowired
    IdempotencyKeyReleases releases;

    @Test
    void everyKindOfPathAnswers503WhileTheDatabaseIsAwayAndAllRecoversWhenItReturns() {
        var buyer = fixtures.buyer();
        String token = fixtures.token(buyer);
        String merchantToken = fixtures.token(fixtures.partner("merchant_of_record"));
        TestEvent event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 20, "40.00", "pdf")));
        String quote = buying.quoteId(token, event.id(), "A", "1", 2);
        Instant deadline = clock.instant().plus(Duration.ofDays(5));
        String tokenBody = Json.of(obj("client_id", buyer.clientId(), "client_secret", buyer.clientSecret(),
                "grant_type", "client_credentials"));

        Instant claimedAt = clock.instant();
        jdbc.sql("""
                        INSERT INTO idempotency_keys (partner_id, key, request_hash, status, created_at, expires_at, node_id)
                        VALUES (:p, 'cut-off', 'x', 'in_progress', :at, :later, :node)""")
                .param("p", buyer.id()).param("at", OffsetDateTime.ofInstant(claimedAt, ZoneOffset.UTC))
                .param("later", OffsetDateTime.ofInstant(claimedAt.plus(Duration.ofDays(1)), ZoneOffset.UTC))
                .param("node", nodes.self()).update();

        database.embedded().stop();
        // A request on this node ended in a 5xx when the database went: its key's release is owed, not lost.
        releases.release(new IdempotencyKeyReleases.Claim(buyer.id(), "cut-off", nodes.self(), claimedAt));

        Map<String, Supplier<Response>> paths = new LinkedHashMap<>();
        paths.put("token", () -> anonymous().contentType(JSON).body(tokenBody).post("/v1/auth/token"));
        paths.put("account", () -> as(token).get("/v1/account"));
        paths.put("events", () -> as(token).get("/v1/events"));
        paths.put("event", () -> as(token).get("/v1/events/" + event.id()));
        paths.put("sections", () -> as(token).get("/v1/events/" + event.id() + "/sections"));
        paths.put("rows", () -> as(token).get("/v1/events/" + event.id() + "/sections/A/rows"));
        paths.put("quote", () -> buying.quote(token, event.id(), "A", "1", 2).extract().response());
        paths.put("order", () -> buying.order(token, quote, "pdf", deadline).extract().response());
        paths.put("order with key", () -> buying.order(token, quote, "pdf", deadline, "outage-1").extract().response());
        paths.put("basket", () -> as(merchantToken).contentType(JSON).body("{}").post("/v1/baskets"));
        paths.put("balance", () -> as(token).get("/v1/billing/balance"));
        paths.put("operator read", () -> admin().get("/admin/v1/partners"));
        paths.put("operator write", () -> admin().contentType(JSON)
                .body(Json.of(obj("name", "During the outage", "billing_model", "partner_billed"))).post("/admin/v1/partners"));
        paths.put("stripe webhook", () -> stripeWebhook());
        paths.put("routable webhook", () -> routableWebhook());
        paths.put("voucher", () -> anonymous().get("/vouchers/vch_0123456789abcdef0123456789abcdef.pdf"));

        List<String> wrong = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                paths.forEach((name, request) -> answers.add(CompletableFuture.supplyAsync(() -> {
                    Response answer = request.get();
                    boolean unavailable = answer.statusCode() == 503 && "5".equals(answer.header("Retry-After"))
                            && "SERVICE_UNAVAILABLE".equals(answer.path("error.code"));
                    return unavailable ? null : name + ": " + answer.statusCode() + " " + answer.asString();
                }, threads)));
            }
            answers.forEach(answer -> {
                String problem = answer.join();
                if (problem != null) {
                    wrong.add(problem);
                }
            });
        }
        assertThat(wrong).as("answers other than 503 SERVICE_UNAVAILABLE with Retry-After").isEmpty();
        anonymous().get("/actuator/health").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("components", nullValue());
        anonymous().port(managementPort).get("/actuator/health").then().statusCode(503)
                .body("components.db.status", equalTo("DOWN"))
                .body("components.embeddedDatabase.status", equalTo("DOWN"));

        database.embedded().start();
        // The pools (the API's and the shared rate limits') re-create their connections in the background, each with
        // its own back-off: recovery is a condition to wait for, with a bound, on an operator and a partner path.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                admin().get("/admin/v1/partners").statusCode() == 200 && as(token).get("/v1/account").statusCode() == 200);
        anonymous().get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
        anonymous().contentType(JSON).body(tokenBody).post("/v1/auth/token").then().statusCode(200);
        // Nothing half-done: the quote the outage's orders named is still whole, and only now becomes an order.
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE partner_id = :p").param("p", buyer.id())
                .query(Long.class).single()).isZero();
        buying.order(token, quote, "pdf", deadline, "outage-1").statusCode(201);
        // The owed release is paid by the node's next beat: the key's retry need not wait out the abandon window.
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "SELECT count(*) FROM idempotency_keys WHERE partner_id = :p AND key = 'cut-off'")
                .param("p", buyer.id()).query(Long.class).single() == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM partners WHERE name = 'During the outage'").query(Long.class).single())
                .isZero();
    }

    private Response stripeWebhook() {
        String body = Json.of(obj("id", "evt_outage", "object", "event", "api_version", "2026-07-29.dahlia",
                "type", "payment_intent.succeeded", "data", obj("object", obj("id", "pi_outage", "object",
                        "payment_intent", "status", "succeeded"))));
        return anonymous().contentType(JSON).header("Stripe-Signature", stripeSecret.sign(body)).body(body)
                .post("/webhooks/stripe");
    }

    /** Routable's documented scheme: hex HMAC-SHA256 of "timestamp.body" (PROVIDERS.md), computed here. */
    private Response routableWebhook() {
        String body = "{\"company_id\": \"our-company\", \"event_name\": \"payable.status_changed\", "
                + "\"event_resource\": \"payable\", \"object_id\": \"7d1e2c3b-0000-4000-8000-00000000abcd\"}";
        String timestamp = clock.instant().toString();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ROUTABLE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
            return anonymous().contentType(JSON).header("Routable-Signature-Timestamp", timestamp)
                    .header("Routable-Signature", signature).body(body).post("/webhooks/routable");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
