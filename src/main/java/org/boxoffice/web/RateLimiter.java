package org.boxoffice.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token buckets. {@link #consumeShared} keeps the bucket in PostgreSQL (Bucket4j's select-for-update backend, table
 * {@code rate_limit_buckets}), so every node takes from the same one: N nodes still give a partner its limit, not N
 * times it. Each node may take up to {@code boxoffice.rate-limit.unsynchronized-percent} of a bucket's burst (5 % by
 * default: 10 of 200) and 1 s ahead before it settles with the shared bucket, so a busy partner costs the database a
 * round trip per ten requests, not per request; the limit holds across nodes within that margin (0 makes every
 * request settle at once, with concurrent ones batched into one round trip). {@link #consumeLocal} is for
 * anonymous callers: buckets in this node's memory, at most {@code boxoffice.rate-limit.anonymous-buckets} of them, the
 * least recently used evicted first (a flood of addresses evicts only idle strangers, never resets anyone).
 * Time comes from the injected clock so tests can drain and refill a bucket without waiting.
 * <p>
 * The shared buckets have a small pool of their own ({@value #BUCKET_CONNECTIONS} connections): a rate-limit decision
 * never queues behind the API's own work, and its commits skip the wait for the disk
 * ({@code synchronous_commit = off}): a crash may forget the last moment of a bucket, which only lets a partner a
 * few requests more, while every order flow no longer pays for the buckets' fsyncs.
 */
@Component
public class RateLimiter implements AutoCloseable {
    private static final int BUCKET_CONNECTIONS = 4;
    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private final ProxyManager<String> shared;
    private final Cache<String, Bucket> sharedProxies;
    private final Cache<String, Bucket> local;
    private final TimeMeter time;
    private final int unsynchronizedPercent;
    private final HikariDataSource bucketPool;

    RateLimiter(Clock clock, DataSource dataSource,
                @Value("${boxoffice.rate-limit.anonymous-buckets:100000}") long anonymousBuckets,
                @Value("${boxoffice.rate-limit.unsynchronized-percent:5}") int unsynchronizedPercent) {
        this.time = new ClockTimeMeter(clock);
        this.unsynchronizedPercent = unsynchronizedPercent;
        this.bucketPool = dataSource instanceof HikariDataSource main ? bucketPool(main) : null;
        this.shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(bucketPool != null ? bucketPool : dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets").idColumn("id").stateColumn("state")
                .clientClock(time)
                .build();
        this.sharedProxies = Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(10)).build();
        // Evicted by Caffeine's frequency-aware policy on the caller's thread: one-off strangers go before busy callers.
        this.local = Caffeine.newBuilder().maximumSize(anonymousBuckets).expireAfterAccess(Duration.ofMinutes(10))
                .executor(Runnable::run).build();
    }

    /** Who is calling and how much they may call. */
    public record Policy(String key, int requestsPerSecond, int burst) {
        /** A changed limit is a new bucket: the key names the limit too. */
        String bucketKey() {
            return key + ":" + requestsPerSecond + "/" + burst;
        }
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

    /** The bucket every node shares; {@code 503} when the database cannot be asked. */
    public Decision consumeShared(Policy policy) {
        try {
            Bucket bucket = sharedProxies.get(policy.bucketKey(), key -> shared.builder()
                    .withOptimization(optimization(policy))
                    .build(key, () -> configuration(policy)));
            return decide(policy, bucket);
        } catch (RuntimeException e) {
            log.warn("rate limit store unavailable: {}", e.toString());
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable; retry later");
        }
    }

    /** A bucket in this node's bounded memory. */
    public Decision consumeLocal(Policy policy) {
        Bucket bucket = local.get(policy.bucketKey(), key -> Bucket.builder()
                .addLimit(bandwidth(policy)).withCustomTimePrecision(time).build());
        return decide(policy, bucket);
    }

    private Optimization optimization(Policy policy) {
        long ahead = (long) policy.burst() * unsynchronizedPercent / 100;
        return ahead < 1 ? Optimizations.batching()
                : Optimizations.delaying(new DelayParameters(ahead, Duration.ofSeconds(1)));
    }

    private static HikariDataSource bucketPool(HikariDataSource main) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(main.getJdbcUrl());
        pool.setUsername(main.getUsername());
        pool.setPassword(main.getPassword());
        pool.setMaximumPoolSize(BUCKET_CONNECTIONS);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(main.getConnectionTimeout());
        pool.setValidationTimeout(main.getValidationTimeout());
        pool.setInitializationFailTimeout(-1); // the database may be away at start: the pool connects when it can
        pool.setConnectionInitSql("SET synchronous_commit = off");
        pool.setPoolName("rate-limits");
        return pool;
    }

    @Override
    public void close() {
        if (bucketPool != null) {
            bucketPool.close();
        }
    }

    long anonymousBuckets() {
        local.cleanUp();
        return local.estimatedSize();
    }

    private static Decision decide(Policy policy, Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), policy.burst(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private static BucketConfiguration configuration(Policy policy) {
        return BucketConfiguration.builder().addLimit(bandwidth(policy)).build();
    }

    private static Bandwidth bandwidth(Policy policy) {
        return Bandwidth.builder().capacity(policy.burst())
                .refillGreedy(policy.requestsPerSecond(), Duration.ofSeconds(1)).build();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
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
