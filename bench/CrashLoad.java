import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #13 crash test load: clients that quote 2 seats and order them, retrying every request that got no answer, a
 * 5xx or a 409 "still running" under the same Idempotency-Key, as a careful partner would, while the script kills the
 * server, its database or both. Needs logic wrk's Lua cannot do (retries across dead connections), hence a JDK program:
 * {@code java bench/CrashLoad.java <base> <tokens-file> <event-id> <seconds> <out-dir>}.
 * Writes {@code acknowledged.txt} (order id, status, partner token index) and {@code summary.txt}.
 */
public class CrashLoad {
    static final Pattern ORDER = Pattern.compile("\"order_id\":\"(ord_[^\"]+)\".*?\"status\":\"([a-z_]+)\"");
    static final Pattern QUOTE = Pattern.compile("\"quote_id\":\"(qt_[^\"]+)\"");
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final AtomicInteger answers500 = new AtomicInteger(), answers503 = new AtomicInteger(),
            noAnswer = new AtomicInteger(), inUse = new AtomicInteger(), unresolved = new AtomicInteger(),
            soldOut = new AtomicInteger(), requests = new AtomicInteger();
    static final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

    record Answer(int status, String body) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> tokens = Files.readAllLines(Path.of(args[1]));
        String event = args[2];
        Instant end = Instant.now().plusSeconds(Long.parseLong(args[3]));
        Path out = Path.of(args[4]);
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < tokens.size(); c++) {
                int client = c;
                clients.submit(() -> buyUntil(base, tokens.get(client), client, event, end));
            }
        }
        Files.write(out.resolve("acknowledged.txt"), acknowledged);
        try (PrintWriter summary = new PrintWriter(Files.newBufferedWriter(out.resolve("summary.txt")))) {
            summary.printf(Locale.ROOT, "requests %d%nacknowledged %d%nanswers_500 %d%nanswers_503 %d%nno_answer %d%n"
                            + "in_use_409 %d%nunresolved %d%nsold_out %d%n", requests.get(), acknowledged.size(),
                    answers500.get(), answers503.get(), noAnswer.get(), inUse.get(), unresolved.get(), soldOut.get());
            errors.stream().limit(20).forEach(e -> summary.println("error " + e));
        }
    }

    static void buyUntil(String base, String token, int client, String event, Instant end) {
        for (int n = 0; Instant.now().isBefore(end); n++) {
            String key = "crash-" + client + "-" + n;
            Answer quote = retried(base, token, "/v1/quotes", key + "-q",
                    "{\"event_id\":\"" + event + "\",\"section_name\":\"A\",\"quantity\":2}");
            if (quote == null || quote.status != 201) {
                if (quote != null && quote.body.contains("NO_INVENTORY_AVAILABLE")) {
                    soldOut.incrementAndGet();
                    return;
                }
                continue;
            }
            Matcher q = QUOTE.matcher(quote.body);
            if (!q.find()) {
                continue;
            }
            String deadline = Instant.now().plus(Duration.ofDays(2)).toString();
            Answer order = retried(base, token, "/v1/orders", key + "-o", "{\"quote_id\":\"" + q.group(1)
                    + "\",\"delivery_type\":\"mobile_transfer\",\"delivery_deadline\":\"" + deadline + "\"}");
            if (order != null && order.status == 201) {
                Matcher o = ORDER.matcher(order.body);
                if (o.find()) {
                    acknowledged.add(o.group(1) + " " + o.group(2) + " " + client);
                }
            }
        }
    }

    /** One logical request: sent again under the same key until it gets a definite answer, for at most 90 s. */
    static Answer retried(String base, String token, String path, String key, String body) {
        Instant giveUp = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(giveUp)) {
            requests.incrementAndGet();
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                if (status == 500) {
                    answers500.incrementAndGet();
                    errors.add(path + " " + answer.body());
                } else if (status == 503 || status == 429) {
                    answers503.incrementAndGet();
                } else if (status == 409 && answer.body().contains("IDEMPOTENCY_KEY_IN_USE")) {
                    inUse.incrementAndGet();
                } else {
                    return new Answer(status, answer.body());
                }
            } catch (IOException e) {
                noAnswer.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            pause();
        }
        unresolved.incrementAndGet();
        return null;
    }

    /** A careful client backs off a little before it retries. */
    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
