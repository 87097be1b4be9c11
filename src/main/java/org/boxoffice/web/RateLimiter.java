package org.boxoffice.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Token buckets per caller (a partner, or an address for unauthenticated calls), kept in this node's memory.
 * Time comes from the injected clock so tests can drain and refill a bucket without waiting.
 */
@Component
public class RateLimiter {
    private static final int MAX_BUCKETS = 100_000;
    private final ConcurrentMap<String, Limited> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    RateLimiter(Clock clock) {
        this.time = new ClockTimeMeter(clock);
    }

    /** Who is calling and how much they may call. */
    public record Policy(String key, int requestsPerSecond, int burst) {
    }

    public record Decision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {

        public void writeHeaders(HttpServletResponse response) {
            response.setHeader("RateLimit-Limit", Integer.toString(limit));
            response.setHeader("RateLimit-Remaining", Long.toString(remaining));
            response.setHeader("RateLimit-Reset", Long.toString(resetSeconds));
            if (!allowed) {
                response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            }
        }
    }

    public Decision consume(Policy policy) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear(); // a flood of distinct anonymous callers must not grow memory without bound
        }
        Limited limited = buckets.compute(policy.key(), (key, existing) ->
                existing != null && existing.policy.equals(policy) ? existing : new Limited(policy, newBucket(policy)));
        ConsumptionProbe probe = limited.bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), policy.burst(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private Bucket newBucket(Policy policy) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(policy.burst())
                        .refillGreedy(policy.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .withCustomTimePrecision(time)
                .build();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private record Limited(Policy policy, Bucket bucket) {
    }

    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
