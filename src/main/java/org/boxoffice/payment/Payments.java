package org.boxoffice.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.boxoffice.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money movements through card providers, by the rule that keeps them single: {@link #open} records the attempt
 * inside the caller's transaction (committed before any call), {@link #call} talks to the provider with the attempt
 * id as idempotency key and outside any transaction, {@link #settle} records the answer by compare-and-set.
 */
@Service
public class Payments {
    private static final Logger log = LoggerFactory.getLogger(Payments.class);
    private final PaymentAttemptRepository attempts;
    private final Map<String, CardGateway> gateways;
    private final Clock clock;

    Payments(PaymentAttemptRepository attempts, List<CardGateway> gateways, Clock clock) {
        this.attempts = attempts;
        this.gateways = gateways.stream().collect(Collectors.toMap(CardGateway::provider, Function.identity()));
        this.clock = clock;
    }

    /** Records the attempt, request and all ({@code description} is what the provider shows), before any call. */
    @Transactional(propagation = Propagation.MANDATORY)
    public PaymentAttempt open(PaymentAttempt.Owner owner, String partnerId, PaymentAttempt.Kind kind, String provider,
                               String paymentMethod, long amountMinor, String currency, String description) {
        PaymentAttempt attempt = new PaymentAttempt(Ids.newId("pay"), owner, partnerId, kind, provider, paymentMethod,
                amountMinor, currency, description, PaymentAttempt.Status.PENDING, null, null, null, Instant.now(clock));
        attempts.insert(attempt);
        return attempt;
    }

    /** Calls the provider. Must run outside a transaction: no database work waits on the network. */
    @Transactional(propagation = Propagation.NEVER)
    public PaymentOutcome call(PaymentAttempt attempt) {
        CardGateway gateway = gateway(attempt.provider());
        try {
            CardGateway.ProviderResult result = attempt.kind() == PaymentAttempt.Kind.CHARGE
                    ? gateway.charge(attempt) : gateway.refund(attempt);
            return outcome(result);
        } catch (CardGateway.OutcomeUnknown e) {
            log.warn("payment attempt {} has no answer: {}", attempt.id(), e.getMessage());
            return new PaymentOutcome.Unknown(e.getMessage());
        }
    }

    /** Records the outcome if the attempt is still open; false when another caller settled it first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean settle(PaymentAttempt attempt, PaymentOutcome outcome) {
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

    /** What the provider knows of an attempt; an attempt it never saw failed (it can never be charged now). */
    @Transactional(propagation = Propagation.NEVER)
    public PaymentOutcome askProvider(PaymentAttempt attempt) {
        Optional<CardGateway.ProviderResult> known = gateway(attempt.provider()).lookup(attempt);
        return known.map(Payments::outcome)
                .orElseGet(() -> new PaymentOutcome.Failed("not_received", "The provider never received this payment"));
    }

    /** Read-only: what the provider records for the attempt (reconciliation reports). */
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

    private static PaymentOutcome outcome(CardGateway.ProviderResult result) {
        return result.succeeded() ? new PaymentOutcome.Succeeded(result.reference())
                : new PaymentOutcome.Failed(result.failureCode(), result.failureMessage());
    }
}
