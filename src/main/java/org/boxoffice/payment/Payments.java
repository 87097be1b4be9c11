package org.boxoffice.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.boxoffice.shared.Ids;
import org.boxoffice.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way money moves, by the rule that keeps it single. {@link #open} records the attempt, request and all,
 * inside the caller's transaction, committed before any call. {@link #pay} then calls the provider outside any
 * transaction, with the attempt id as idempotency key, and in one transaction records the answer by compare-and-set
 * and hands it to the attempt's {@link PaymentOwner}. Reconciliation finishes an unanswered attempt by the same last
 * step, so an owner cannot tell a live answer from a late one except by {@link PaymentSettled#late}.
 */
@Service
public class Payments implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(Payments.class);
    private final PaymentAttemptRepository attempts;
    private final Map<String, CardGateway> gateways;
    private final Map<String, PayoutGateway> payoutGateways;
    private final ObjectProvider<PaymentOwner> ownerBeans;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile Map<PaymentAttempt.OwnerKind, PaymentOwner> owners;

    /** Owners come late ({@link ObjectProvider}): they open attempts here, so they depend on this class. */
    Payments(PaymentAttemptRepository attempts, List<CardGateway> gateways, List<PayoutGateway> payoutGateways,
             ObjectProvider<PaymentOwner> owners, TransactionTemplate transaction, Clock clock) {
        this.attempts = attempts;
        this.gateways = gateways.stream().collect(Collectors.toMap(CardGateway::provider, Function.identity()));
        this.payoutGateways = payoutGateways.stream().collect(Collectors.toMap(PayoutGateway::provider, Function.identity()));
        this.ownerBeans = owners;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Records the attempt, request and all ({@code description} is what the provider shows), before any call. */
    @Transactional(propagation = Propagation.MANDATORY)
    public PaymentAttempt open(PaymentAttempt.Owner owner, String partnerId, PaymentAttempt.Kind kind, String provider,
                               String paymentMethod, Money amount, String description) {
        PaymentAttempt attempt = new PaymentAttempt(Ids.newId("pay"), owner, partnerId, kind, provider, paymentMethod,
                amount, description, PaymentAttempt.Status.PENDING, null, null, null, Instant.now(clock));
        attempts.insert(attempt);
        return attempt;
    }

    /**
     * Makes an opened (and committed) attempt: the provider call, then the answer recorded and applied by its owner in
     * one transaction, then the attempts the owner opened on the way. Returns the provider's answer; when
     * reconciliation recorded one first, that one was applied and this one is dropped.
     */
    @Transactional(propagation = Propagation.NEVER)
    public PaymentOutcome pay(PaymentAttempt attempt) {
        PaymentOutcome outcome = call(attempt);
        conclude(attempt, outcome, false);
        return outcome;
    }

    /** {@link #pay} for each, one after the other. */
    @Transactional(propagation = Propagation.NEVER)
    public void payAll(List<PaymentAttempt> opened) {
        opened.forEach(this::pay);
    }

    /**
     * Records the outcome if the attempt is still open and hands it to the owner, in one transaction; then makes what
     * the owner opened. False when another caller settled the attempt first (nothing is applied twice).
     */
    boolean conclude(PaymentAttempt attempt, PaymentOutcome outcome, boolean late) {
        List<PaymentAttempt> next = transaction.execute(status -> record(attempt, outcome)
                ? owner(attempt).settled(new PaymentSettled(attempt, outcome, late)) : null);
        if (next == null) {
            return false;
        }
        next.forEach(this::pay);
        return true;
    }

    private PaymentOutcome call(PaymentAttempt attempt) {
        try {
            return switch (attempt.kind()) {
                case CHARGE -> outcome(gateway(attempt.provider()).charge(attempt));
                case REFUND -> outcome(gateway(attempt.provider()).refund(attempt));
                case PAYOUT -> outcome(payoutGateway(attempt.provider()).send(attempt));
            };
        } catch (CardGateway.OutcomeUnknown e) {
            log.warn("payment attempt {} has no answer: {}", attempt.id(), e.getMessage());
            return new PaymentOutcome.Unknown(e.getMessage());
        }
    }

    private boolean record(PaymentAttempt attempt, PaymentOutcome outcome) {
        Instant now = Instant.now(clock);
        return switch (outcome) {
            case PaymentOutcome.Succeeded s -> attempts.transition(attempt.id(), PaymentAttempt.Status.SUCCEEDED,
                    s.reference(), null, null, now);
            case PaymentOutcome.Failed f -> attempts.transition(attempt.id(), PaymentAttempt.Status.FAILED,
                    null, f.code(), f.message(), now);
            case PaymentOutcome.Unknown u -> attempts.transition(attempt.id(), PaymentAttempt.Status.UNKNOWN,
                    null, null, null, now);
        };
    }

    /** Every owner kind has exactly one owner, or the application does not start. */
    @Override
    public void afterSingletonsInstantiated() {
        Map<PaymentAttempt.OwnerKind, PaymentOwner> known = new EnumMap<>(PaymentAttempt.OwnerKind.class);
        for (PaymentOwner owner : ownerBeans.orderedStream().toList()) {
            for (PaymentAttempt.OwnerKind kind : owner.owns()) {
                if (known.put(kind, owner) != null) {
                    throw new IllegalStateException("two payment owners for " + kind);
                }
            }
        }
        EnumSet<PaymentAttempt.OwnerKind> missing = EnumSet.allOf(PaymentAttempt.OwnerKind.class);
        missing.removeAll(known.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no payment owner for " + missing);
        }
        owners = known;
    }

    private PaymentOwner owner(PaymentAttempt attempt) {
        return owners.get(attempt.owner().kind());
    }

    /** What the provider knows of an attempt; an attempt it never saw failed (it can never be charged now). */
    @Transactional(propagation = Propagation.NEVER)
    public PaymentOutcome askProvider(PaymentAttempt attempt) {
        if (attempt.kind() == PaymentAttempt.Kind.PAYOUT) {
            return outcome(payoutStatus(attempt.provider(), attempt.owner().id()));
        }
        Optional<CardGateway.ProviderResult> known = gateway(attempt.provider()).lookup(attempt);
        return known.map(Payments::outcome)
                .orElseGet(() -> new PaymentOutcome.Failed("not_received", "The provider never received this payment"));
    }

    /** Where a payout stands at its provider now ({@code not_found} if it never received it). */
    @Transactional(propagation = Propagation.NEVER)
    public PayoutGateway.PayoutStatus payoutStatus(String provider, String payoutId) {
        return payoutGateway(provider).status(payoutId);
    }

    /** Read-only: what the provider records for a card attempt (reconciliation reports). */
    @Transactional(propagation = Propagation.NEVER)
    public Optional<CardGateway.ProviderResult> inspect(PaymentAttempt attempt) {
        return gateway(attempt.provider()).inspect(attempt);
    }

    /** Every attempt made in [from, before). */
    public List<PaymentAttempt> between(Instant from, Instant before) {
        return attempts.between(from, before);
    }

    public Optional<PaymentAttempt> find(String attemptId) {
        return attempts.find(attemptId);
    }

    /** Every attempt made for {@code owner}, oldest first. */
    public List<PaymentAttempt> of(PaymentAttempt.Owner owner) {
        return attempts.of(owner);
    }

    List<PaymentAttempt> unsettled(Instant pendingBefore, int limit) {
        return attempts.unsettled(pendingBefore, limit);
    }

    private CardGateway gateway(String provider) {
        CardGateway gateway = gateways.get(provider);
        if (gateway == null) {
            throw new IllegalStateException("no card gateway for provider " + provider);
        }
        return gateway;
    }

    private PayoutGateway payoutGateway(String provider) {
        PayoutGateway gateway = payoutGateways.get(provider);
        if (gateway == null) {
            throw new IllegalStateException("no payout gateway for provider " + provider);
        }
        return gateway;
    }

    /** Accepted (on its way, or paid already) is a success of the call; what happens to the money later is the payout's. */
    private static PaymentOutcome outcome(PayoutGateway.PayoutStatus status) {
        return switch (status.state()) {
            case IN_TRANSIT, PAID -> new PaymentOutcome.Succeeded(status.reference());
            case FAILED -> new PaymentOutcome.Failed(status.failureCode(), "The payout was refused");
            case NOT_FOUND -> new PaymentOutcome.Failed("not_received", "The provider never received this payout");
        };
    }

    private static PaymentOutcome outcome(CardGateway.ProviderResult result) {
        return result.succeeded() ? new PaymentOutcome.Succeeded(result.reference())
                : new PaymentOutcome.Failed(result.failureCode(), result.failureMessage());
    }
}
