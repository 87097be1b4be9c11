import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a large catalogue through the operator API and measures partner reads with concurrent clients.
 * Run with a JDK 21+ as a single-file program: {@code java bench/CatalogBench.java <base-url> <operator-key> [events] [clients] [seconds]}.
 * Needs nothing but the JDK; prints a Markdown table.
 */
public class CatalogBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String[] WORDS = {"Live", "Night", "Tour", "Festival", "Orchestra", "Jazz", "Rock", "Comedy", "Gala", "Show"};
    static String base;
    static String operatorKey;

    public static void main(String[] args) throws Exception {
        base = args[0];
        operatorKey = args[1];
        int events = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;

        long t0 = System.nanoTime();
        List<String> eventIds = events > 0 ? load(events) : existing();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s %d events and %d tickets in %.1f s%n", events > 0 ? "loaded" : "found",
                eventIds.size(), eventIds.size() * TICKETS_PER_EVENT, loadSeconds);

        String token = partnerToken();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Supplier<String> search = () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            return switch (r.nextInt(4)) {
                case 0 -> "/v1/events?q=" + WORDS[r.nextInt(WORDS.length)].toLowerCase() + "&limit=20";
                case 1 -> "/v1/events?date_from=" + today.plusDays(r.nextInt(300)) + "&date_to=" + today.plusDays(300 + r.nextInt(60)) + "&limit=20";
                case 2 -> "/v1/events?venue_name=arena+" + r.nextInt(100) + "&limit=20";
                default -> "/v1/events?q=" + WORDS[r.nextInt(WORDS.length)].toLowerCase() + "&offset=" + r.nextInt(200) + "&limit=50";
            };
        };
        Supplier<String> sections = () -> "/v1/events/" + eventIds.get(ThreadLocalRandom.current().nextInt(eventIds.size())) + "/sections";
        Supplier<String> rows = () -> "/v1/events/" + eventIds.get(ThreadLocalRandom.current().nextInt(eventIds.size()))
                + "/sections/S" + (1 + ThreadLocalRandom.current().nextInt(3)) + "/rows";

        for (Supplier<String> s : List.of(search, sections, rows)) {
            measure(token, s, clients, 3); // warm-up
        }
        System.out.println();
        System.out.println("| endpoint | clients | requests | throughput (req/s) | p50 (ms) | p99 (ms) | max (ms) | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        report("GET /v1/events (search)", measure(token, search, clients, seconds), clients);
        report("GET /v1/events/{id}/sections", measure(token, sections, clients, seconds), clients);
        report("GET /v1/events/{id}/sections/{name}/rows", measure(token, rows, clients, seconds), clients);
    }

    // ---- catalogue: 100 venues, 1,000 performers, N events of 100 tickets (3 sections x 5 rows x 6 seats + 10 GA)
    static final int TICKETS_PER_EVENT = 100;

    static List<String> load(int events) throws Exception {
        List<String> venues = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            venues.add(extract(post("/admin/v1/venues", operatorKey, "{\"name\":\"Arena " + i + "\",\"city\":\"City " + i
                    + "\",\"country\":\"US\",\"timezone\":\"America/New_York\"}"), "venue_id"));
        }
        List<String> performers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            performers.add(extract(post("/admin/v1/performers", operatorKey, "{\"name\":\"Artist " + i + "\"}"), "performer_id"));
        }
        String sections = "[{\"name\":\"GA\",\"is_ga\":true}" + ",{\"name\":\"S1\",\"rows\":" + rows() + "}"
                + ",{\"name\":\"S2\",\"rows\":" + rows() + "},{\"name\":\"S3\",\"rows\":" + rows() + "}]";
        StringBuilder tickets = new StringBuilder("{\"tickets\":[{\"section_name\":\"GA\",\"quantity\":10,\"price\":\"35.00\",\"delivery_types\":[\"mobile_qr\"]}");
        for (int s = 1; s <= 3; s++) {
            for (int r = 1; r <= 5; r++) {
                tickets.append(",{\"section_name\":\"S").append(s).append("\",\"row_name\":\"").append(r)
                        .append("\",\"seat_from\":1,\"seat_to\":6,\"price\":\"").append(150 - s * 10 - r * 5)
                        .append(".00\",\"delivery_types\":[\"mobile_transfer\",\"pdf\"]}");
            }
        }
        String ticketBody = tickets.append("]}").toString();
        String[] ids = new String[events];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            work.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    String name = "Artist " + (i % 1000) + " " + WORDS[i % WORDS.length] + " " + WORDS[(i / 10) % WORDS.length];
                    String start = java.time.Instant.now().plus(Duration.ofHours(24 + r.nextInt(24 * 365))).toString();
                    String event = "{\"name\":\"" + name + "\",\"venue_id\":\"" + venues.get(i % venues.size())
                            + "\",\"event_datetime_utc\":\"" + start + "\",\"performer_ids\":[\"" + performers.get(i % 1000)
                            + "\"],\"sections\":" + sections + "}";
                    ids[i] = extract(post("/admin/v1/events", operatorKey, event), "event_id");
                    post("/admin/v1/events/" + ids[i] + "/tickets", operatorKey, ticketBody);
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        return Arrays.asList(ids);
    }

    /** With events = 0: measure the catalogue a previous run loaded. */
    static List<String> existing() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            String page = send(HttpRequest.newBuilder(URI.create(base + "/admin/v1/events?limit=100&offset=" + offset)).GET(), operatorKey);
            Matcher m = Pattern.compile("\"event_id\":\"([^\"]+)\"").matcher(page);
            int before = ids.size();
            while (m.find()) {
                ids.add(m.group(1));
            }
            if (ids.size() == before) {
                return ids;
            }
        }
    }

    static String rows() {
        return "[{\"name\":\"1\",\"rank\":1},{\"name\":\"2\",\"rank\":2},{\"name\":\"3\",\"rank\":3},{\"name\":\"4\",\"rank\":4},{\"name\":\"5\",\"rank\":5}]";
    }

    static String partnerToken() throws Exception {
        String created = post("/admin/v1/partners", operatorKey, "{\"name\":\"Bench Partner\",\"billing_model\":\"partner_billed\"}");
        String id = extract(created, "partner_id");
        put("/admin/v1/partners/" + id + "/rate-limit", "{\"requests_per_second\":100000,\"burst\":100000}");
        String token = post("/v1/auth/token", null, "{\"client_id\":\"" + extract(created, "client_id") + "\",\"client_secret\":\""
                + extract(created, "client_secret") + "\",\"grant_type\":\"client_credentials\"}");
        return extract(token, "access_token");
    }

    // ---- measurement

    record Result(long[] latenciesNanos, int errors, double seconds) {
    }

    static Result measure(String token, Supplier<String> paths, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] samples = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + paths.get()))
                            .header("Authorization", "Bearer " + token).GET().build();
                    long t = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    long elapsed = System.nanoTime() - t;
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                    }
                    samples[n++] = elapsed;
                }
                return Arrays.copyOf(samples, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double took = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged, errors.get(), took);
    }

    static void report(String name, Result r, int clients) {
        long[] l = r.latenciesNanos();
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.2f | %.2f | %.1f | %d |%n", name, clients, l.length,
                l.length / r.seconds(), pct(l, 0.50), pct(l, 0.99), l[l.length - 1] / 1e6, r.errors());
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    // ---- tiny HTTP + JSON helpers (JDK only)

    static String post(String path, String key, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body)), key);
    }

    static String put(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.ofString(body)), operatorKey);
    }

    static String send(HttpRequest.Builder builder, String key) throws Exception {
        builder.header("Content-Type", "application/json");
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String extract(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return m.group(1);
    }
}
