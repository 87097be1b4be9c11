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

    static final int BATCH = 2_000;

    /**
     * Often, because reads add up the hold lines that expired since the last sweep (migration V15): a few seconds'
     * worth stays cheap even in an on-sale.
     */
    @Scheduled(fixedDelayString = "${boxoffice.inventory.sweep-every:PT10S}", initialDelayString = "PT10S")
    @SchedulerLock(name = "holds.sweep")
    public void sweep() {
        int cleared;
        do {
            cleared = holds.clearExpired(BATCH);
        } while (cleared == BATCH);
    }
}
