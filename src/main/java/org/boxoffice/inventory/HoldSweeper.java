package org.boxoffice.inventory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Clears expired holds from tickets. Only tidying: availability compares {@code held_until} with the clock in every
 * query, so an expired hold is free at once whether or not this has run. Harmless on several nodes at once.
 */
@Component
public class HoldSweeper {
    private final HoldService holds;

    HoldSweeper(HoldService holds) {
        this.holds = holds;
    }

    @Scheduled(fixedDelayString = "${boxoffice.inventory.sweep-every:PT5M}", initialDelayString = "PT5M")
    @SchedulerLock(name = "holds.sweep")
    public void sweep() {
        holds.clearExpired();
    }
}
