package org.boxoffice.config.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Watches the embedded PostgreSQL and starts it again when it dies on its own (the OOM killer, a crash): on the same
 * data, so PostgreSQL's crash recovery runs, and on the same port, so the pool reconnects by itself. Failed attempts
 * back off from one second to {@link #MAX_BACKOFF}. A server stopped on purpose is left alone.
 *
 * <p>Also the {@code embeddedDatabase} health component: {@code DOWN} from the moment the death is seen until the
 * server is back.
 */
final class EmbeddedPostgresSupervisor implements HealthIndicator, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresSupervisor.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private final EmbeddedPostgresServer server;
    private final Duration checkEvery;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("embedded-postgres-supervisor").factory());
    private volatile boolean recovering;
    private volatile int restarts;
    private volatile String lastFailure;
    private int failedAttempts;
    private long nextAttemptAt;
    private long downSince;

    EmbeddedPostgresSupervisor(EmbeddedPostgresServer server, Duration checkEvery) {
        this.server = server;
        this.checkEvery = checkEvery;
    }

    EmbeddedPostgresSupervisor start() {
        watcher.scheduleWithFixedDelay(this::check, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void check() {
        if (!server.wanted() || server.running()) {
            recovering = false;
            return;
        }
        long now = System.nanoTime();
        if (!recovering) {
            recovering = true;
            downSince = now;
            failedAttempts = 0;
            nextAttemptAt = now;
            log.warn("the embedded PostgreSQL on {} has died; starting it again on the same data", server.dataDirectory());
        }
        if (now < nextAttemptAt) {
            return;
        }
        try {
            server.recover();
            restarts++;
            recovering = false;
            log.info("the embedded PostgreSQL is back (pid {}) {} ms after it died; restarts so far: {}",
                    server.pid().orElse(-1L), Duration.ofNanos(System.nanoTime() - downSince).toMillis(), restarts);
        } catch (RuntimeException e) {
            lastFailure = e.getMessage();
            Duration backoff = backoff(++failedAttempts);
            nextAttemptAt = System.nanoTime() + backoff.toNanos();
            log.warn("could not start the embedded PostgreSQL again (attempt {}): {}; next try in {} s", failedAttempts,
                    e.getMessage(), backoff.toSeconds());
        }
    }

    /** 1 s, 2 s, 4 s, … up to {@link #MAX_BACKOFF}. */
    static Duration backoff(int failedAttempts) {
        long seconds = 1L << Math.min(failedAttempts - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    @Override
    public Health health() {
        Health.Builder health = server.running() ? Health.up() : Health.down();
        health.withDetail("data_directory", server.dataDirectory().toString())
                .withDetail("port", server.port())
                .withDetail("restarts", restarts);
        server.pid().ifPresent(pid -> health.withDetail("pid", pid));
        if (recovering && lastFailure != null) {
            health.withDetail("last_failure", lastFailure);
        }
        return health.build();
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
