package org.boxoffice.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background jobs (payment reconciliation, order expiry, hold and idempotency-key tidying) run on a schedule unless
 * {@code boxoffice.jobs.enabled=false}; each is also reachable on demand, so tests switch schedules off and run them.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "boxoffice.jobs.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {
}
