package org.boxoffice.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Values operators may change while the system runs: quote lifetime, fees, the transfer e-mail domain.
 * Stored in the database (so every node sees the same), read fresh each time: they are few and small.
 */
@Service
public class Settings {
    public static final String QUOTE_TTL_SECONDS = "quote_ttl_seconds";
    public static final String FEE_PERCENT_BPS = "fee_percent_bps";
    public static final String FEE_FIXED_MINOR = "fee_fixed_minor";
    public static final String TRANSFER_DOMAIN = "transfer_domain";
    private final SettingsRepository repository;
    private final Clock clock;
    private final Map<String, String> defaults;
    static final Duration FRESH_FOR = Duration.ofSeconds(2);
    private volatile Cached cached;

    private record Cached(Values values, Instant readAt) {
    }

    Settings(SettingsRepository repository, Clock clock,
             @Value("${boxoffice.transfer-domain:transfers.boxoffice.example}") String transferDomain) {
        this.repository = repository;
        this.clock = clock;
        this.defaults = Map.of(QUOTE_TTL_SECONDS, "900", FEE_PERCENT_BPS, "1000", FEE_FIXED_MINOR, "0",
                TRANSFER_DOMAIN, transferDomain);
    }

    /**
     * The current values, defaults filled in. Read at most every {@link #FRESH_FOR} per node (they are read on every
     * quote and order); a change made on this node applies at once, on other nodes within that time.
     */
    public Values current() {
        Cached cached = this.cached;
        Instant now = Instant.now(clock);
        if (cached != null && now.isBefore(cached.readAt().plus(FRESH_FOR))) {
            return cached.values();
        }
        Values values = read();
        this.cached = new Cached(values, now);
        return values;
    }

    private Values read() {
        Map<String, String> stored = repository.all();
        return new Values(
                Duration.ofSeconds(Long.parseLong(stored.getOrDefault(QUOTE_TTL_SECONDS, defaults.get(QUOTE_TTL_SECONDS)))),
                Integer.parseInt(stored.getOrDefault(FEE_PERCENT_BPS, defaults.get(FEE_PERCENT_BPS))),
                Long.parseLong(stored.getOrDefault(FEE_FIXED_MINOR, defaults.get(FEE_FIXED_MINOR))),
                stored.getOrDefault(TRANSFER_DOMAIN, defaults.get(TRANSFER_DOMAIN)));
    }

    @Transactional
    public Values update(Map<String, String> changes) {
        Instant now = Instant.now(clock);
        changes.forEach((key, value) -> repository.put(key, value, now));
        cached = null;
        return current();
    }

    /**
     * @param quoteTtl      how long a quote holds its tickets
     * @param feePercentBps the service fee in basis points of the tickets' price (1000 = 10 %)
     * @param feeFixedMinor a fixed fee per ticket, in minor units
     */
    public record Values(Duration quoteTtl, int feePercentBps, long feeFixedMinor, String transferDomain) {
    }
}
