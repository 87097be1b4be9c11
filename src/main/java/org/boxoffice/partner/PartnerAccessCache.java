package org.boxoffice.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What every authenticated request needs to know of its partner (status, token version, limits), re-read from the
 * database at most every {@code boxoffice.auth.recheck-seconds}. That bounds how long a revocation made on another
 * node takes to reach this one; on the node that made it, it applies at once.
 */
@Component
class PartnerAccessCache {
    private final PartnerRepository partners;
    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    PartnerAccessCache(PartnerRepository partners, Clock clock,
                       @Value("${boxoffice.auth.recheck-seconds:2}") long recheckSeconds) {
        this.partners = partners;
        this.clock = clock;
        this.ttl = Duration.ofSeconds(recheckSeconds);
    }

    private record Entry(Optional<Partner> partner, Instant loadedAt) {
    }

    Optional<Partner> get(String partnerId) {
        Instant now = Instant.now(clock);
        Entry entry = entries.get(partnerId);
        if (entry == null || !now.isBefore(entry.loadedAt.plus(ttl))) {
            entry = new Entry(partners.find(partnerId), now);
            entries.put(partnerId, entry);
        }
        return entry.partner;
    }

    void forget(String partnerId) {
        entries.remove(partnerId);
    }
}
