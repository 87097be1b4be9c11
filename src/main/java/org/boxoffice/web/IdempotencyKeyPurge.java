package org.boxoffice.web;

import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes stored idempotency answers past their 24 hours; a job of its own, as a filter bean cannot be proxied. */
@Component
public class IdempotencyKeyPurge {
    private final IdempotencyRepository keys;
    private final Clock clock;

    IdempotencyKeyPurge(IdempotencyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "idempotency.purge")
    public void purgeExpired() {
        keys.purgeExpired(Instant.now(clock));
    }
}
