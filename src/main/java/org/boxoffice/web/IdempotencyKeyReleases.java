package org.boxoffice.web;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives up the idempotency keys of requests that ended without an answer to keep (a 5xx), so their retry runs again.
 * A release the database could not take (it went away under the request) is owed, and paid by this node as soon as
 * the database answers again ({@link LiveNodes} retries on every beat): otherwise the retry would wait out the
 * abandon window, this node being alive.
 */
@Component
public class IdempotencyKeyReleases {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyReleases.class);
    private final IdempotencyRepository keys;
    private final Set<Claim> owed = ConcurrentHashMap.newKeySet();

    IdempotencyKeyReleases(IdempotencyRepository keys) {
        this.keys = keys;
    }

    /** A request's claim on a key: by this node, at this instant. */
    public record Claim(String partnerId, String key, String nodeId, Instant claimedAt) {
    }

    public void release(Claim claim) {
        try {
            keys.release(claim.partnerId(), claim.key(), claim.nodeId(), claim.claimedAt());
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causes(e)) {
                throw e;
            }
            owed.add(claim);
            log.warn("idempotency key {} of partner {} not released (database unavailable); released when it returns",
                    claim.key(), claim.partnerId());
        }
    }

    /** Pays the releases owed, until the database fails again; returns how many are still owed. */
    public int retryOwed() {
        for (Claim claim : owed) {
            try {
                keys.release(claim.partnerId(), claim.key(), claim.nodeId(), claim.claimedAt());
                owed.remove(claim);
            } catch (RuntimeException e) {
                break; // still away: the next beat tries again
            }
        }
        return owed.size();
    }
}
