package org.boxoffice.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles attempts that have no answer by asking the provider (never by guessing). Safe on several nodes at once:
 * asking twice is harmless, and only the node whose compare-and-set wins applies the outcome.
 */
@Component
public class PaymentReconciler {
    private static final Logger log = LoggerFactory.getLogger(PaymentReconciler.class);
    private final Payments payments;
    private final Clock clock;
    /** A pending attempt younger than this may still be in its provider call (longer than any provider timeout). */
    private final Duration inFlight;

    PaymentReconciler(Payments payments, Clock clock,
                      @Value("${boxoffice.payments.in-flight:PT2M}") Duration inFlight) {
        this.inFlight = inFlight;
        this.payments = payments;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${boxoffice.payments.reconcile-every:PT30S}", initialDelayString = "PT30S")
    @SchedulerLock(name = "payments.reconcile")
    public void scheduled() {
        reconcile();
    }

    /** Returns how many attempts this run settled. */
    public int reconcile() {
        int settled = 0;
        for (PaymentAttempt attempt : payments.unsettled(Instant.now(clock).minus(inFlight), 100)) {
            PaymentOutcome outcome;
            try {
                outcome = payments.askProvider(attempt);
            } catch (RuntimeException e) {
                log.warn("could not ask the provider about attempt {}; next run will: {}", attempt.id(), e.getMessage());
                continue;
            }
            if (payments.conclude(attempt, outcome, true)) {
                settled++;
                log.info("reconciled payment attempt {} of {} {}: {}", attempt.id(), attempt.owner().kind().wire(),
                        attempt.owner().id(), outcome);
            }
        }
        return settled;
    }
}
