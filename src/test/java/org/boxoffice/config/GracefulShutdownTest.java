package org.boxoffice.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;

import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.boxoffice.BoxofficeApplication;
import org.boxoffice.config.database.EmbeddedPostgresServer;
import org.boxoffice.support.Buying;
import org.boxoffice.support.Fixtures;
import org.boxoffice.support.Json;
import org.boxoffice.support.MutableClock;
import org.boxoffice.support.TestClockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code SIGTERM} (a context close) while an order's card charge is still at Stripe: new connections are refused at
 * once, the order in flight completes and is recorded, and only then does the application stop, its database last.
 */
class GracefulShutdownTest {
    private static final String OPERATOR_KEY = "test-operator-key-0123456789abcdef";
    @TempDir
    Path data;
    private final CountDownLatch chargeArrived = new CountDownLatch(1);
    private final CountDownLatch stripeAnswers = new CountDownLatch(1);
    private HttpServer stripe;

    @AfterEach
    void stopStripe() {
        stripeAnswers.countDown();
        stripe.stop(0);
    }

    @Test
    void aRequestInFlightCompletesAndNewOnesAreRefusedWhileTheServerStops() throws Exception {
        stripe = slowStripe();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(BoxofficeApplication.class, TestClockConfig.class)
                .profiles("test").run("--server.port=0", "--boxoffice.db.url=", "--boxoffice.data-dir=" + data,
                        "--boxoffice.db.embedded.clean=false",
                        "--boxoffice.stripe.secret-key=sk_test_shutdown",
                        "--boxoffice.stripe.api-base=http://127.0.0.1:" + stripe.getAddress().getPort(),
                        "--boxoffice.stripe.max-network-retries=0");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        Fixtures fixtures = new Fixtures(() -> admin(port), () -> on(port), app.getBean(MutableClock.class));
        Fixtures.TestPartner partner = fixtures.partner();
        admin(port).contentType("application/json").body(Json.of(obj(
                        "payout_method", obj("provider", "sandbox", "reference", "ba_sandbox"),
                        "card_on_file", obj("provider", "stripe", "reference", "cus_Down:pm_Card"))))
                .put("/admin/v1/partners/" + partner.id() + "/payment-configuration").then().statusCode(200);
        String token = fixtures.token(partner);
        var event = fixtures.event(Duration.ofDays(10), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 4, "40.00", "pdf")));
        Buying buying = new Buying(t -> on(port).header("Authorization", "Bearer " + t));
        String quote = buying.quoteId(token, event.id(), "A", "1", 1);
        Instant deadline = Instant.now().plus(Duration.ofDays(3));

        var threads = Executors.newVirtualThreadPerTaskExecutor(); // the common pool may have a single worker here
        CompletableFuture<Response> inFlight = CompletableFuture.supplyAsync(() ->
                buying.order(token, quote, "pdf", deadline, "shutdown-1").extract().response(), threads);
        assertThat(chargeArrived.await(30, TimeUnit.SECONDS)).as("the order reached Stripe").isTrue();

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(app::close, threads);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                catchThrowable(() -> on(port).get("/actuator/health")) instanceof ConnectException);
        assertThat(inFlight).as("still waiting for Stripe").isNotDone();
        assertThat(shutdown).as("waits for the request in flight").isNotDone();

        stripeAnswers.countDown();
        Response order = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(order.statusCode()).isEqualTo(201);
        assertThat(order.<String>path("data.status")).isEqualTo("confirmed");
        shutdown.get(60, TimeUnit.SECONDS);
        assertThat(app.isActive()).isFalse();

        // What the answer said is what was recorded: read the data the stopped application left behind.
        try (EmbeddedPostgresServer database = new EmbeddedPostgresServer(data.resolve("postgres"), 0, false).start();
             var connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
             var rows = connection.createStatement().executeQuery("SELECT o.status, a.status FROM orders o "
                     + "JOIN payment_attempts a ON a.owner_id = o.id WHERE o.id = '" + order.path("data.order_id") + "'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("confirmed");
            assertThat(rows.getString(2)).isEqualTo("succeeded");
        }
    }

    private static RequestSpecification on(int port) {
        return given().port(port);
    }

    private static RequestSpecification admin(int port) {
        return on(port).header("Authorization", "Bearer " + OPERATOR_KEY);
    }

    /** Stripe's PaymentIntents endpoint, answering "succeeded" only when the test lets it. */
    private HttpServer slowStripe() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/payment_intents", exchange -> {
            exchange.getRequestBody().readAllBytes();
            chargeArrived.countDown();
            try {
                stripeAnswers.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"id\": \"pi_down\", \"object\": \"payment_intent\", \"amount\": 4400, \"currency\": \"usd\","
                    + " \"status\": \"succeeded\", \"latest_charge\": \"ch_down\", \"livemode\": false}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }
}
