package org.boxoffice.web;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.boxoffice.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's identity among the nodes sharing the database, and its heartbeat: a row in {@code nodes} refreshed every
 * {@link #BEAT_SECONDS} s. Work a node left in progress (an idempotency key's first request) is known abandoned as soon
 * as its row is older than {@link #DEAD_AFTER_SECONDS} s, instead of after a fixed wait. Leaving cleanly removes the row.
 * Each beat also pays the key releases this node owes ({@link IdempotencyKeyReleases}).
 */
@Component
public class LiveNodes implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LiveNodes.class);
    static final int BEAT_SECONDS = 3;
    static final int DEAD_AFTER_SECONDS = 15;
    private final String self = Ids.newId("node");
    private final NodeRepository nodes;
    private final IdempotencyKeyReleases releases;
    private ScheduledExecutorService heart;
    private volatile boolean running;

    LiveNodes(NodeRepository nodes, IdempotencyKeyReleases releases) {
        this.nodes = nodes;
        this.releases = releases;
    }

    public String self() {
        return self;
    }

    /** Before the web server takes requests (phase 0 starts before it and stops after it). */
    @Override
    public synchronized void start() { // again after a stop, too (a paused test context is started again)
        heart = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("node-heartbeat").factory());
        beat();
        heart.scheduleWithFixedDelay(this::beat, BEAT_SECONDS, BEAT_SECONDS, TimeUnit.SECONDS);
        heart.scheduleWithFixedDelay(nodes::forgetLongDead, 1, 60 * 60, TimeUnit.SECONDS);
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }

    private void beat() {
        try {
            nodes.seen(self);
            releases.retryOwed();
        } catch (RuntimeException e) { // the database is away: the next beat tries again
            log.debug("heartbeat of node {} not written: {}", self, e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        heart.shutdownNow();
        try {
            nodes.gone(self);
        } catch (RuntimeException e) {
            log.debug("node {} could not say it is leaving: {}", self, e.getMessage());
        }
    }
}
