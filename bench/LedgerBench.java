import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue #4 benchmark, with CatalogBench's helpers (JDK 22+ multi-file source program):
 * {@code java bench/LedgerBench.java <base> <operator-key> <partner-id> <client-id> <secret> <clients> <seconds> <month>}.
 * Posting throughput through the operator API, then balance and statement times for the given partner.
 */
public class LedgerBench {
    public static void main(String[] args) throws Exception {
        CatalogBench.base = args[0];
        CatalogBench.operatorKey = args[1];
        String partner = args[2];
        int clients = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        String month = args[7];
        String token = CatalogBench.extract(CatalogBench.post("/v1/auth/token", null, "{\"client_id\":\"" + args[3]
                + "\",\"client_secret\":\"" + args[4] + "\",\"grant_type\":\"client_credentials\"}"), "access_token");

        postings(partner, clients, 3);
        long[] posted = postings(partner, clients, seconds);
        System.out.println("| step | count | throughput (/s) | p50 (ms) | p99 (ms) | max (ms) |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| POST /admin/v1/partners/{id}/adjustments (%d clients) | %d | %.0f | %.2f | %.2f | %.1f |%n",
                clients, posted.length, posted.length / (double) seconds, CatalogBench.pct(posted, 0.5),
                CatalogBench.pct(posted, 0.99), posted[posted.length - 1] / 1e6);
        read("GET /v1/billing/balance", "/v1/billing/balance", token, null);
        read("GET /v1/billing/statements/" + month + " (JSON)", "/v1/billing/statements/" + month, token, "application/json");
        read("GET /v1/billing/statements/" + month + " (CSV)", "/v1/billing/statements/" + month, token, "text/csv");
        read("GET /v1/billing/transactions (first page)", "/v1/billing/transactions", token, null);
    }

    static long[] postings(String partner, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> samples = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    CatalogBench.post("/admin/v1/partners/" + partner + "/adjustments", CatalogBench.operatorKey,
                            "{\"amount\":\"1.00\",\"currency\":\"USD\",\"description\":\"bench\"}");
                    samples.add(System.nanoTime() - t);
                }
                return samples.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        return all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    static void read(String name, String path, String token, String accept) throws Exception {
        long[] samples = new long[5];
        int bytes = 0;
        for (int i = 0; i < samples.length; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(CatalogBench.base + path))
                    .header("Authorization", "Bearer " + token);
            if (accept != null) {
                request.header("Accept", accept);
            }
            long t = System.nanoTime();
            HttpResponse<String> response = CatalogBench.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            samples[i] = System.nanoTime() - t;
            bytes = response.body().length();
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " -> " + response.statusCode());
            }
        }
        Arrays.sort(samples);
        System.out.printf(Locale.ROOT, "| %s (%,d bytes) | 5 | - | %.1f | %.1f | %.1f |%n", name, bytes,
                CatalogBench.pct(samples, 0.5), CatalogBench.pct(samples, 0.99), samples[4] / 1e6);
    }
}
