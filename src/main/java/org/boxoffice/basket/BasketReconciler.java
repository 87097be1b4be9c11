package org.boxoffice.basket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.boxoffice.payment.IntentGateway;
import org.boxoffice.payment.IntentGateway.Intent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles merchant-of-record checkouts whose webhook never came: a basket pending for longer than
 * {@link #WEBHOOK_GRACE} has its intent fetched and settled; one still unpaid after {@link #PAYMENT_WINDOW} has its
 * intent cancelled at the provider first (so it can no longer be paid) and is then {@code payment_failed}; the intent of
 * a basket that failed or changed is cancelled once its reservations are all gone. Safe on
 * several nodes: settling is a compare-and-set under the basket's lock. It selects only customer-paid baskets, in SQL
 * (so a backlog of others cannot starve them): on-account charges without an answer are the payment reconciler's.
 */
@Component
public class BasketReconciler {
    private static final Logger log = LoggerFactory.getLogger(BasketReconciler.class);
    static final Duration WEBHOOK_GRACE = Duration.ofMinutes(5);
    static final Duration PAYMENT_WINDOW = Duration.ofHours(1);
    private final BasketRepository baskets;
    private final BasketCheckout checkout;
    private final BasketBooking booking;
    private final IntentGateway intents;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BasketReconciler(BasketRepository baskets, BasketCheckout checkout, BasketBooking booking,
                     IntentGateway intents, TransactionTemplate transaction, Clock clock) {
        this.baskets = baskets;
        this.checkout = checkout;
        this.booking = booking;
        this.intents = intents;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${boxoffice.baskets.reconcile-every:PT60S}", initialDelayString = "PT60S")
    @SchedulerLock(name = "baskets.reconcile")
    public void scheduled() {
        reconcile();
    }

    /** Returns how many baskets were looked at. */
    int reconcile() {
        return settlePending() + closeStale();
    }

    /**
     * Intents of baskets that failed or changed and hold nothing any more are cancelled (a customer paying one
     * now would pay for nothing), or settled if they were paid after all — that payment is then refunded.
     */
    private int closeStale() {
        int looked = 0;
        for (String basketId : baskets.staleIntents(Instant.now(clock), 100)) {
            looked++;
            Basket basket = baskets.find(basketId, false).orElseThrow();
            String intentId = basket.payment().intentId();
            try {
                Intent intent = intents.cancel(intentId).orElseGet(() -> intents.retrieve(intentId));
                checkout.settle(intent);
                transaction.executeWithoutResult(s -> baskets.forgetIntent(basketId, intentId));
            } catch (RuntimeException e) {
                log.warn("could not close the intent of basket {}; next run will: {}", basketId, e.getMessage());
            }
        }
        return looked;
    }

    private int settlePending() {
        Instant now = Instant.now(clock);
        int looked = 0;
        for (String basketId : baskets.pendingSince(now.minus(WEBHOOK_GRACE), 100)) {
            Basket basket = baskets.find(basketId, false).orElseThrow();
            looked++;
            boolean abandoned = basket.payment().startedAt().isBefore(now.minus(PAYMENT_WINDOW));
            try {
                if (basket.payment().intentId() == null) {
                    if (abandoned) { // no intent was ever handed out: nothing can be paid
                        transaction.executeWithoutResult(s -> booking.paymentFailed(baskets.find(basketId, true)
                                .orElseThrow()));
                    }
                    continue;
                }
                Intent intent = intents.retrieve(basket.payment().intentId());
                if (intent.open() && abandoned) {
                    intent = intents.cancel(intent.id()).orElseGet(() -> intents.retrieve(basket.payment().intentId()));
                }
                checkout.settle(intent);
            } catch (RuntimeException e) {
                log.warn("could not reconcile basket {}; next run will: {}", basketId, e.getMessage());
            }
        }
        return looked;
    }
}
