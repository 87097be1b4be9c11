package org.boxoffice.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.boxoffice.partner.Partner;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.payment.CardGateway;
import org.boxoffice.payment.PayoutGateway;
import org.boxoffice.payment.PayoutGateway.PayoutStatus;
import org.boxoffice.payment.PayoutStatusReported;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays partners' balances to their payout methods. Each partner is decided under its row lock: the balance is read,
 * the payout recorded and posted to the ledger in one transaction, so two runs at once (on any nodes) pay a balance
 * once. The provider is called after that commits, with the payout id as idempotency key.
 */
@Service
public class Payouts {
    private static final Logger log = LoggerFactory.getLogger(Payouts.class);
    static final Duration IN_FLIGHT = Duration.ofMinutes(2);
    private final PayoutRepository payouts;
    private final Ledger ledger;
    private final PartnerService partners;
    private final Map<String, PayoutGateway> gateways;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final long minimumMinor;

    Payouts(PayoutRepository payouts, Ledger ledger, PartnerService partners, List<PayoutGateway> gateways,
            TransactionTemplate transaction, Clock clock, @Value("${boxoffice.payouts.minimum-minor:100}") long minimumMinor) {
        this.payouts = payouts;
        this.ledger = ledger;
        this.partners = partners;
        this.gateways = gateways.stream().collect(Collectors.toMap(PayoutGateway::provider, Function.identity()));
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
        List<Payout> created = new ArrayList<>();
        for (Partner partner : partners.withPayoutMethod()) {
            List<Payout> mine = transaction.execute(status -> decide(partner));
            created.addAll(mine == null ? List.of() : mine);
        }
        created.forEach(this::send);
        return created;
    }

    @Scheduled(fixedDelayString = "${boxoffice.payouts.sync-every:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "payouts.sync")
    public void scheduledSync() {
        sync();
    }

    /** Asks the providers about unfinished payouts and records what they say. */
    public int sync() {
        int changed = 0;
        for (Payout payout : payouts.unsettled(Instant.now(clock).minus(IN_FLIGHT))) {
            try {
                PayoutStatus status = gateway(payout.provider()).status(payout.id());
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
        return gateway(payout.provider()).status(payout.id());
    }

    public Page<Payout> list(String partnerId, Payout.Status status, PageRequest page) {
        return new Page<>(payouts.list(partnerId, status, page.limit(), page.offset()), payouts.count(partnerId, status), page);
    }

    private List<Payout> decide(Partner partner) {
        lock(partner);
        List<Payout> created = new ArrayList<>();
        ledger.balances(partner.id()).forEach((currency, balance) -> {
            if (balance >= minimumMinor && !payouts.hasOpen(partner.id(), currency)) {
                Payout payout = new Payout(Ids.newId("po"), partner.id(), balance, currency,
                        partner.payoutMethod().provider(), partner.payoutMethod().reference(), Payout.Status.PENDING, null, null,
                        Instant.now(clock));
                payouts.insert(payout);
                ledger.recordPayout(partner.id(), payout.id(), payout.provider(), balance, currency);
                created.add(payout);
            }
        });
        return created;
    }

    /** Runs on several nodes decide about one partner one after the other. */
    void lock(Partner partner) {
        partners.lock(partner.id());
    }

    private void send(Payout payout) {
        try {
            apply(payout, gateway(payout.provider()).send(payout.id(), payout.destination(), payout.amountMinor(),
                    payout.currency()));
        } catch (CardGateway.OutcomeUnknown e) {
            log.warn("payout {} sent without an answer; sync will ask: {}", payout.id(), e.getMessage());
        }
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
                    ledger.reversePayout(payout.partnerId(), payout.id(), payout.provider(), payout.amountMinor(),
                            payout.currency());
                }
                yield failed;
            }
            case NOT_FOUND -> false;
        });
        return Boolean.TRUE.equals(changed);
    }

    private PayoutGateway gateway(String provider) {
        PayoutGateway gateway = gateways.get(provider);
        if (gateway == null) {
            throw new IllegalStateException("no payout gateway for provider " + provider);
        }
        return gateway;
    }
}
