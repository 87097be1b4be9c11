package org.boxoffice.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.boxoffice.partner.Partner;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.payment.CardGateway;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.PaymentOutcome;
import org.boxoffice.payment.PaymentOwner;
import org.boxoffice.payment.PaymentSettled;
import org.boxoffice.payment.Payments;
import org.boxoffice.payment.PayoutGateway.PayoutStatus;
import org.boxoffice.payment.PayoutStatusReported;
import org.boxoffice.shared.Money;
import org.springframework.context.event.EventListener;
import org.boxoffice.shared.Ids;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays partners' balances to their payout methods. Each partner is decided under its row lock: the balance is read,
 * the payout recorded, posted to the ledger and its payment attempt opened in one transaction, so two runs at once (on
 * any nodes) pay a balance once. The attempt is then made by {@link Payments}, like every other movement of money:
 * accepted, the payout is {@code in_transit}; refused, it fails and its money returns to the balance. What happens
 * to the money after that (paid, or failed late) the provider reports by webhook, or {@link #sync} asks.
 */
@Service
public class Payouts implements PaymentOwner {
    private static final Logger log = LoggerFactory.getLogger(Payouts.class);
    private final PayoutRepository payouts;
    private final Ledger ledger;
    private final PartnerService partners;
    private final Payments payments;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final long minimumMinor;

    Payouts(PayoutRepository payouts, Ledger ledger, PartnerService partners, Payments payments,
            TransactionTemplate transaction, Clock clock, @Value("${boxoffice.payouts.minimum-minor:100}") long minimumMinor) {
        this.payouts = payouts;
        this.ledger = ledger;
        this.partners = partners;
        this.payments = payments;
        this.transaction = transaction;
        this.clock = clock;
        this.minimumMinor = minimumMinor;
    }

    @Scheduled(cron = "${boxoffice.payouts.cron:0 0 6 * * *}", zone = "UTC")
    @SchedulerLock(name = "payouts.run")
    public void scheduledRun() {
        run();
    }

    /** Pays every positive balance at or above the minimum that has no payout under way; returns the new payouts. */
    public List<Payout> run() {
        Map<Payout, PaymentAttempt> created = new LinkedHashMap<>();
        for (Partner partner : partners.withPayoutMethod()) {
            created.putAll(transaction.execute(status -> decide(partner)));
        }
        payments.payAll(List.copyOf(created.values()));
        return List.copyOf(created.keySet());
    }

    @Scheduled(fixedDelayString = "${boxoffice.payouts.sync-every:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "payouts.sync")
    public void scheduledSync() {
        sync();
    }

    /**
     * Asks the providers about payouts on their way and records what they say. (A payout whose sending had no answer is
     * an unsettled payment attempt: reconciliation asks about it.)
     */
    public int sync() {
        int changed = 0;
        for (Payout payout : payouts.inTransit()) {
            try {
                PayoutStatus status = payments.payoutStatus(payout.provider(), payout.id());
                if (status.state() == PayoutStatus.State.NOT_FOUND) {
                    status = new PayoutStatus(PayoutStatus.State.FAILED, null, "not_received");
                }
                changed += apply(payout, status) ? 1 : 0;
            } catch (CardGateway.OutcomeUnknown e) {
                log.warn("payout {} status unknown for now: {}", payout.id(), e.getMessage());
            }
        }
        return changed;
    }

    /** A provider told us by webhook where a payout stands. */
    @EventListener
    public void onReported(PayoutStatusReported reported) {
        payouts.find(reported.payoutId()).ifPresent(payout -> apply(payout, reported.status()));
    }

    List<Payout> between(Instant from, Instant before) {
        return payouts.between(from, before);
    }

    /** Read-only: the provider's word on a payout. */
    PayoutStatus providerStatus(Payout payout) {
        return payments.payoutStatus(payout.provider(), payout.id());
    }

    public Page<Payout> list(String partnerId, Payout.Status status, PageRequest page) {
        return new Page<>(payouts.list(partnerId, status, page.limit(), page.offset()), payouts.count(partnerId, status), page);
    }

    private Map<Payout, PaymentAttempt> decide(Partner partner) {
        lock(partner);
        Map<Payout, PaymentAttempt> created = new LinkedHashMap<>();
        ledger.balances(partner.id()).forEach((currency, balance) -> {
            if (balance >= minimumMinor && !payouts.hasOpen(partner.id(), currency)) {
                Money amount = Money.of(balance, currency);
                Payout payout = new Payout(Ids.newId("po"), partner.id(), amount,
                        partner.payoutMethod().provider(), partner.payoutMethod().reference(), Payout.Status.PENDING, null, null,
                        Instant.now(clock));
                payouts.insert(payout);
                ledger.recordPayout(partner.id(), payout.id(), payout.provider(), amount);
                created.put(payout, payments.open(PaymentAttempt.Owner.payout(payout.id()), partner.id(),
                        PaymentAttempt.Kind.PAYOUT, payout.provider(), payout.destination(), amount,
                        "Boxoffice payout " + payout.id()));
            }
        });
        return created;
    }

    /** Runs on several nodes decide about one partner one after the other. */
    void lock(Partner partner) {
        partners.lock(partner.id());
    }

    @Override
    public Set<PaymentAttempt.OwnerKind> owns() {
        return EnumSet.of(PaymentAttempt.OwnerKind.PAYOUT);
    }

    /** The provider's answer to sending a payout, live or found by reconciliation. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<PaymentAttempt> settled(PaymentSettled settled) {
        Payout payout = payouts.find(settled.attempt().owner().id()).orElseThrow();
        switch (settled.outcome()) {
            case PaymentOutcome.Succeeded s -> apply(payout, new PayoutStatus(PayoutStatus.State.IN_TRANSIT, s.reference(), null));
            case PaymentOutcome.Failed f -> apply(payout, new PayoutStatus(PayoutStatus.State.FAILED, null, f.code()));
            case PaymentOutcome.Unknown u -> {
            } // still pending: Payments logged it, and reconciliation will ask the provider
        }
        return List.of();
    }

    /** Records the provider's word by compare-and-set; a failure gives the money back to the balance. */
    private boolean apply(Payout payout, PayoutStatus status) {
        Instant now = Instant.now(clock);
        Boolean changed = transaction.execute(tx -> switch (status.state()) {
            case IN_TRANSIT -> payouts.transition(payout.id(), Payout.Status.IN_TRANSIT, status.reference(), null, now);
            case PAID -> payouts.transition(payout.id(), Payout.Status.PAID, status.reference(), null, now);
            case FAILED -> {
                boolean failed = payouts.transition(payout.id(), Payout.Status.FAILED, status.reference(),
                        status.failureCode(), now);
                if (failed) {
                    ledger.reversePayout(payout.partnerId(), payout.id(), payout.provider(), payout.amount());
                }
                yield failed;
            }
            case NOT_FOUND -> false;
        });
        return Boolean.TRUE.equals(changed);
    }
}
