import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #3 benchmark: token -> quote -> order with many concurrent partners over a large catalogue, then a race of
 * many clients for the last seats of a row. Runs with JDK 22+ as a multi-file source program (uses CatalogBench):
 * {@code java bench/OrderFlowBench.java <base> <operator-key> <events|0> <partners> <seconds> <race-clients>}.
 */
public class OrderFlowBench {
    record Partner(String id, String token) {
    }

    public static void main(String[] args) throws Exception {
        CatalogBench.base = args[0];
        CatalogBench.operatorKey = args[1];
        int events = Integer.parseInt(args[2]);
        int partners = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int raceClients = Integer.parseInt(args[5]);
        List<String> eventIds = events > 0 ? CatalogBench.load(events) : CatalogBench.existing();
        System.out.printf(Locale.ROOT, "catalogue: %d events%n", eventIds.size());

        List<Partner> buyers = new ArrayList<>();
        long[] tokenLatency = new long[partners];
        for (int i = 0; i < partners; i++) {
            String id = buyer("Flow buyer " + i);
            long t = System.nanoTime();
            buyers.add(new Partner(id, token(id)));
            tokenLatency[i] = System.nanoTime() - t;
        }
        System.out.println("first partner id: " + buyers.getFirst().id());
        flow(buyers, eventIds, seconds, 3); // warm-up
        Measured m = flow(buyers, eventIds, seconds, seconds);
        java.util.Arrays.sort(tokenLatency);
        System.out.println();
        System.out.println("| step | count | throughput (/s) | p50 (ms) | p99 (ms) | max (ms) |");
        System.out.println("|---|---|---|---|---|---|");
        row("POST /v1/auth/token (bcrypt)", tokenLatency, 0);
        row("POST /v1/quotes", m.quotes, m.seconds);
        row("POST /v1/orders", m.orders, m.seconds);
        System.out.printf(Locale.ROOT, "%nflows completed: %d in %.1f s = **%.0f orders/s** with %d partners; sold out: %d; errors: %d%n",
                m.orders.length, m.seconds, m.orders.length / m.seconds, partners, m.soldOut, m.errors);
        race(buyers, raceClients);
    }

    record Measured(long[] quotes, long[] orders, double seconds, int soldOut, int errors) {
    }

    static Measured flow(List<Partner> buyers, List<String> eventIds, int seconds, int measuredSeconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        AtomicInteger soldOut = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Future<long[][]>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (Partner buyer : buyers) {
            futures.add(pool.submit(() -> {
                List<Long> quotes = new ArrayList<>();
                List<Long> orders = new ArrayList<>();
                while (System.nanoTime() < end) {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    String event = eventIds.get(r.nextInt(eventIds.size()));
                    long t = System.nanoTime();
                    HttpResponse<String> quote = call("/v1/quotes", buyer.token(), "{\"event_id\":\"" + event
                            + "\",\"section_name\":\"S" + (1 + r.nextInt(3)) + "\",\"quantity\":2}");
                    quotes.add(System.nanoTime() - t);
                    if (quote.statusCode() == 422) {
                        soldOut.incrementAndGet();
                        continue;
                    }
                    if (quote.statusCode() != 201) {
                        errors.incrementAndGet();
                        continue;
                    }
                    String deadline = Instant.now().plus(Duration.ofHours(12)).truncatedTo(ChronoUnit.SECONDS).toString();
                    t = System.nanoTime();
                    HttpResponse<String> order = call("/v1/orders", buyer.token(), "{\"quote_id\":\""
                            + CatalogBench.extract(quote.body(), "quote_id") + "\",\"delivery_type\":\"mobile_transfer\","
                            + "\"delivery_deadline\":\"" + deadline + "\"}");
                    if (order.statusCode() == 201) {
                        orders.add(System.nanoTime() - t);
                    } else {
                        errors.incrementAndGet();
                    }
                }
                return new long[][] {quotes.stream().mapToLong(Long::longValue).toArray(),
                        orders.stream().mapToLong(Long::longValue).toArray()};
            }));
        }
        List<long[]> quotes = new ArrayList<>();
        List<long[]> orders = new ArrayList<>();
        for (Future<long[][]> f : futures) {
            long[][] r = f.get();
            quotes.add(r[0]);
            orders.add(r[1]);
        }
        double took = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Measured(merge(quotes), merge(orders), took, soldOut.get(), errors.get());
    }

    /** Many clients at once for the last seats of one row: counts winners and checks no seat went twice. */
    static void race(List<Partner> buyers, int clients) throws Exception {
        int seats = 50;
        String venue = CatalogBench.extract(CatalogBench.post("/admin/v1/venues", CatalogBench.operatorKey,
                "{\"name\":\"Race Hall\",\"city\":\"X\",\"country\":\"US\",\"timezone\":\"UTC\"}"), "venue_id");
        String event = CatalogBench.extract(CatalogBench.post("/admin/v1/events", CatalogBench.operatorKey,
                "{\"name\":\"Race\",\"venue_id\":\"" + venue + "\",\"event_datetime_utc\":\""
                        + Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS)
                        + "\",\"sections\":[{\"name\":\"R\",\"rows\":[{\"name\":\"1\",\"rank\":1}]}]}"), "event_id");
        CatalogBench.post("/admin/v1/events/" + event + "/tickets", CatalogBench.operatorKey,
                "{\"tickets\":[{\"section_name\":\"R\",\"row_name\":\"1\",\"seat_from\":1,\"seat_to\":" + seats
                        + ",\"price\":\"10.00\",\"delivery_types\":[\"mobile_transfer\"]}]}");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CyclicBarrier start = new CyclicBarrier(clients);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Partner buyer = buyers.get(i % buyers.size());
            answers.add(pool.submit(() -> {
                start.await(60, TimeUnit.SECONDS);
                return call("/v1/quotes", buyer.token(), "{\"event_id\":\"" + event
                        + "\",\"section_name\":\"R\",\"row_name\":\"1\",\"quantity\":1}");
            }));
        }
        int won = 0;
        int lost = 0;
        int other = 0;
        Set<String> seatsTaken = new HashSet<>();
        int duplicates = 0;
        for (Future<HttpResponse<String>> f : answers) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 201) {
                won++;
                Matcher m = Pattern.compile("\"seats\":\\[\"(\\d+)\"\\]").matcher(r.body());
                if (m.find() && !seatsTaken.add(m.group(1))) {
                    duplicates++;
                }
            } else if (r.statusCode() == 422) {
                lost++;
            } else {
                other++;
            }
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%nrace: %d clients for the last %d seats of a row -> %d quotes, %d NO_INVENTORY_AVAILABLE, "
                + "%d other answers; seats given twice: %d; **oversold: %d**%n", clients, seats, won, lost, other, duplicates,
                Math.max(0, won - seats) + duplicates);
    }

    static String buyer(String name) throws Exception {
        String created = CatalogBench.post("/admin/v1/partners", CatalogBench.operatorKey,
                "{\"name\":\"" + name + "\",\"billing_model\":\"partner_billed\"}");
        String id = CatalogBench.extract(created, "partner_id");
        CatalogBench.put("/admin/v1/partners/" + id + "/payment-configuration", "{\"payout_method\":{\"provider\":\"sandbox\","
                + "\"reference\":\"ba_sandbox\"},\"card_on_file\":{\"provider\":\"sandbox\",\"reference\":\"tok_visa\"}}");
        CatalogBench.put("/admin/v1/partners/" + id + "/rate-limit", "{\"requests_per_second\":100000,\"burst\":100000}");
        secrets.put(id, new String[] {CatalogBench.extract(created, "client_id"), CatalogBench.extract(created, "client_secret")});
        return id;
    }

    static final java.util.Map<String, String[]> secrets = new java.util.concurrent.ConcurrentHashMap<>();

    static String token(String partnerId) throws Exception {
        String[] s = secrets.get(partnerId);
        return CatalogBench.extract(CatalogBench.post("/v1/auth/token", null, "{\"client_id\":\"" + s[0]
                + "\",\"client_secret\":\"" + s[1] + "\",\"grant_type\":\"client_credentials\"}"), "access_token");
    }

    static HttpResponse<String> call(String path, String token, String body) throws Exception {
        return CatalogBench.HTTP.send(HttpRequest.newBuilder(URI.create(CatalogBench.base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static long[] merge(List<long[]> parts) {
        return parts.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
    }

    static void row(String name, long[] sorted, double seconds) {
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %.2f | %.2f | %.1f |%n", name, sorted.length,
                seconds > 0 ? String.format(Locale.ROOT, "%.0f", sorted.length / seconds) : "-",
                CatalogBench.pct(sorted, 0.50), CatalogBench.pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }
}
