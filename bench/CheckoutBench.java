import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Merchant-of-record checkout on the sandbox: baskets are filled and paid on the sandbox checkout API by concurrent
 * customers; each payment's answer comes after the signed event went through the Stripe webhook code and booked the
 * basket, so its latency is the time from event to booked basket (plus the sandbox's own update). Then voucher PDFs
 * are downloaded (each one rendered on request) by concurrent clients.
 * Run with a JDK 21+: {@code java bench/CheckoutBench.java <base-url> <operator-key> [baskets] [clients] [seconds]}.
 */
public class CheckoutBench {

    public static void main(String[] args) throws Exception {
        CatalogBench.base = args[0];
        CatalogBench.operatorKey = args[1];
        int baskets = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;

        String created = CatalogBench.post("/admin/v1/partners", CatalogBench.operatorKey,
                "{\"name\":\"Checkout bench shop\",\"billing_model\":\"merchant_of_record\"}");
        String partner = CatalogBench.extract(created, "partner_id");
        CatalogBench.put("/admin/v1/partners/" + partner + "/rate-limit", "{\"requests_per_second\":100000,\"burst\":100000}");
        CatalogBench.put("/admin/v1/partners/" + partner + "/commission", "{\"percent_bps\":800}");
        String token = CatalogBench.extract(CatalogBench.post("/v1/auth/token", null, "{\"client_id\":\""
                + CatalogBench.extract(created, "client_id") + "\",\"client_secret\":\""
                + CatalogBench.extract(created, "client_secret") + "\",\"grant_type\":\"client_credentials\"}"), "access_token");
        String venue = CatalogBench.extract(CatalogBench.post("/admin/v1/venues", CatalogBench.operatorKey,
                "{\"name\":\"Bench Arena\",\"city\":\"X\",\"country\":\"US\",\"timezone\":\"UTC\"}"), "venue_id");
        String event = CatalogBench.extract(CatalogBench.post("/admin/v1/events", CatalogBench.operatorKey,
                "{\"name\":\"Checkout Night\",\"venue_id\":\"" + venue + "\",\"event_datetime_utc\":\""
                        + Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS)
                        + "\",\"sections\":[{\"name\":\"S\",\"rows\":[" + rows(40) + "]}]}"), "event_id");
        CatalogBench.post("/admin/v1/events/" + event + "/tickets", CatalogBench.operatorKey, "{\"tickets\":["
                + tickets(40) + "]}");

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger notBooked = new AtomicInteger();
        List<Future<List<long[]>>> work = new ArrayList<>();
        List<String> vouchers = java.util.Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                List<long[]> timings = new ArrayList<>();
                while (next.getAndIncrement() < baskets) {
                    String basket = CatalogBench.extract(call("/v1/baskets", token, "{}").body(), "basket_id");
                    call("/v1/baskets/" + basket + "/items", token, "{\"event_id\":\"" + event
                            + "\",\"section_name\":\"S\",\"quantity\":2}");
                    long t = System.nanoTime();
                    String intent = call("/v1/baskets/" + basket + "/stripe_object", token,
                            "{\"customer\":{\"email\":\"fan@example.com\"}}").body();
                    long intentNanos = System.nanoTime() - t;
                    t = System.nanoTime();
                    HttpResponse<String> paid = call("/sandbox/payment_intents/"
                            + CatalogBench.extract(intent, "stripe_payment_intent_id") + "/confirm", null,
                            "{\"client_secret\":\"" + CatalogBench.extract(intent, "stripe_payment_intent_secret")
                                    + "\",\"card_number\":\"4242424242424242\"}");
                    long bookNanos = System.nanoTime() - t;
                    String view = CatalogBench.send(HttpRequest.newBuilder(URI.create(CatalogBench.base + "/v1/baskets/" + basket))
                            .GET(), token);
                    if (paid.statusCode() != 200 || !view.contains("\"checked_out\"")) {
                        notBooked.incrementAndGet();
                    } else {
                        vouchers.add(CatalogBench.extract(view, "voucher_url").replaceFirst("^https?://[^/]+", ""));
                    }
                    timings.add(new long[] {intentNanos, bookNanos});
                }
                return timings;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<List<long[]>> f : work) {
            all.addAll(f.get());
        }
        double took = (System.nanoTime() - started) / 1e9;
        long[] intents = all.stream().mapToLong(t -> t[0]).sorted().toArray();
        long[] bookings = all.stream().mapToLong(t -> t[1]).sorted().toArray();
        System.out.println("| step | count | p50 (ms) | p99 (ms) | max (ms) |");
        System.out.println("|---|---|---|---|---|");
        row("POST /v1/baskets/{id}/stripe_object", intents);
        row("customer pays → signed event → webhook → booked (sandbox confirm)", bookings);
        System.out.printf(Locale.ROOT, "%n%d baskets (2 seats each) by %d concurrent customers in %.1f s = %.0f checkouts/s; "
                + "not booked: %d%n", all.size(), clients, took, all.size() / took, notBooked.get());

        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger bytes = new AtomicInteger();
        List<Future<long[]>> downloads = new ArrayList<>();
        started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            downloads.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (int i = offset; System.nanoTime() < end; i += clients) {
                    long t = System.nanoTime();
                    HttpResponse<byte[]> pdf = CatalogBench.HTTP.send(HttpRequest.newBuilder(URI.create(CatalogBench.base
                            + vouchers.get(i % vouchers.size()))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    latencies.add(System.nanoTime() - t);
                    if (pdf.statusCode() == 200) {
                        bytes.addAndGet(pdf.body().length);
                    }
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : downloads) {
            parts.add(f.get());
        }
        took = (System.nanoTime() - started) / 1e9;
        long[] pdfs = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        pool.shutdown();
        System.out.println();
        System.out.println("| vouchers (2 pages, 2 QR codes each, rendered per request) | count | p50 (ms) | p99 (ms) | max (ms) |");
        System.out.println("|---|---|---|---|---|");
        row("GET /vouchers/{token}.pdf", pdfs);
        System.out.printf(Locale.ROOT, "%n**%.0f vouchers/s** with %d clients; average size %.1f KiB%n", pdfs.length / took,
                clients, bytes.get() / 1024.0 / Math.max(1, pdfs.length));
    }

    static String rows(int count) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add("{\"name\":\"" + i + "\",\"rank\":" + i + "}");
        }
        return String.join(",", rows);
    }

    static String tickets(int rows) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            lines.add("{\"section_name\":\"S\",\"row_name\":\"" + i + "\",\"seat_from\":1,\"seat_to\":100,"
                    + "\"price\":\"45.00\",\"delivery_types\":[\"pdf\"]}");
        }
        return String.join(",", lines);
    }

    static HttpResponse<String> call(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(CatalogBench.base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CatalogBench.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void row(String name, long[] sorted) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", name, sorted.length,
                CatalogBench.pct(sorted, 0.50), CatalogBench.pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }
}
