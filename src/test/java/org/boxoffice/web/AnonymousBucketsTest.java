package org.boxoffice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.boxoffice.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Anonymous buckets live in a bounded cache: a flood of distinct addresses cannot grow memory, and it evicts one-off
 * strangers rather than resetting everyone (the old limiter dropped every bucket, partners' included, past 100,000).
 */
class AnonymousBucketsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    // Local buckets never touch the database; the shared ones are exercised through HTTP elsewhere.
    private final RateLimiter limiter = new RateLimiter(clock, new DriverManagerDataSource(), 100, 0);

    private boolean allowed(String address) {
        return limiter.consumeLocal(new RateLimiter.Policy("address:" + address, 1, 3)).allowed();
    }

    @Test
    void aFloodOfAddressesStaysBoundedAndDoesNotRefillABusyCaller() {
        for (int i = 0; i < 3; i++) {
            assertThat(allowed("203.0.113.1")).isTrue();
        }
        assertThat(allowed("203.0.113.1")).as("the busy caller's bucket is empty").isFalse();
        for (int stranger = 0; stranger < 5_000; stranger++) {
            assertThat(allowed("stranger-" + stranger)).isTrue();
            if (stranger % 10 == 0) {
                assertThat(allowed("203.0.113.1")).as("still limited after %d strangers", stranger).isFalse();
            }
        }
        assertThat(limiter.anonymousBuckets()).isLessThanOrEqualTo(100);
        assertThat(allowed("203.0.113.1")).isFalse();
    }
}
