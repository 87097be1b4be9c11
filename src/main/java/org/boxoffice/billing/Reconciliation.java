package org.boxoffice.billing;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.boxoffice.partner.BillingModel;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.payment.CardGateway;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.Payments;
import org.springframework.stereotype.Service;

/**
 * Compares, for every payment attempt and payout of a period, three records that must agree: our attempt or payout,
 * the ledger's posting, and what the provider says (asked read-only). Every disagreement is listed.
 */
@Service
public class Reconciliation {
    private final Payments payments;
    private final Payouts payouts;
    private final Ledger ledger;
    private final PartnerService partners;

    Reconciliation(Payments payments, Payouts payouts, Ledger ledger, PartnerService partners) {
        this.partners = partners;
        this.payments = payments;
        this.payouts = payouts;
        this.ledger = ledger;
    }

    public record Mismatch(String kind, String reference, String partnerId, @Nullable String orderId, String problem,
                           @Nullable String ours, @Nullable String provider, @Nullable Long ledgerAmountMinor,
                           long amountMinor, String currency) {
    }

    public record Report(Instant from, Instant to, int attemptsChecked, int payoutsChecked, List<Mismatch> mismatches) {
    }

    public Report report(Instant from, Instant to) {
        List<Mismatch> mismatches = new ArrayList<>();
        List<PaymentAttempt> attempts = payments.between(from, to).stream()
                .filter(a -> a.kind() != PaymentAttempt.Kind.PAYOUT).toList(); // a payout is checked as one, below
        attempts.forEach(a -> check(a, mismatches));
        List<Payout> sent = payouts.between(from, to);
        sent.forEach(p -> check(p, mismatches));
        return new Report(from, to, attempts.size(), sent.size(), mismatches);
    }

    private void check(PaymentAttempt a, List<Mismatch> out) {
        boolean charge = a.kind() == PaymentAttempt.Kind.CHARGE;
        // A charge is posted under what it paid for, a refund under its own attempt; a merchant-of-record partner's
        // refunds give the customer's money back and touch no partner ledger.
        boolean posts = charge || partners.get(a.partnerId()).billingModel() == BillingModel.PARTNER_BILLED;
        Optional<LedgerTransaction> posted = ledger.posting(charge ? TransactionType.CHARGE : TransactionType.REFUND,
                charge ? a.owner().id() : a.id());
        String provider;
        try {
            provider = payments.inspect(a).map(r -> r.succeeded() ? "succeeded" : "failed").orElse("no_record");
        } catch (CardGateway.OutcomeUnknown e) {
            provider = "unreachable";
        }
        long expected = charge ? -a.amountMinor() : a.amountMinor();
        String ours = a.status().wire();
        String problem = switch (a.status()) {
            case SUCCEEDED -> !"succeeded".equals(provider) ? "provider_disagrees"
                    : posted.isEmpty() ? (posts ? "missing_in_ledger" : null)
                    : !posts ? "ledger_posted_for_customer_refund"
                    : posted.get().amount().minor() != expected ? "ledger_amount_differs" : null;
            case FAILED -> "succeeded".equals(provider) ? "provider_took_money_we_recorded_as_failed"
                    : posted.isPresent() ? "ledger_posted_for_failed_payment" : null;
            case PENDING, UNKNOWN -> "unsettled";
        };
        if (problem != null) {
            out.add(new Mismatch(a.kind().wire(), a.id(), a.partnerId(), a.owner().id(), problem, ours, provider,
                    posted.map(t -> t.amount().minor()).orElse(null), a.amountMinor(), a.currency()));
        }
    }

    private void check(Payout p, List<Mismatch> out) {
        Optional<LedgerTransaction> posted = ledger.posting(TransactionType.PAYOUT, p.id());
        Optional<LedgerTransaction> reversed = ledger.posting(TransactionType.PAYOUT, p.id() + ":reversal");
        String provider;
        try {
            provider = payouts.providerStatus(p).state().name().toLowerCase();
        } catch (CardGateway.OutcomeUnknown e) {
            provider = "unreachable";
        }
        String expectedProvider = switch (p.status()) {
            case PAID, FAILED -> p.status().wire();
            case PENDING, IN_TRANSIT -> null; // the provider may be ahead of our last sync
        };
        String problem = posted.isEmpty() ? "missing_in_ledger"
                : posted.get().amount().minor() != -p.amount().minor() ? "ledger_amount_differs"
                : p.status() == Payout.Status.FAILED && reversed.isEmpty() ? "failed_payout_not_reversed"
                : p.status() != Payout.Status.FAILED && reversed.isPresent() ? "reversed_payout_not_failed"
                : expectedProvider != null && !expectedProvider.equals(provider) ? "provider_disagrees" : null;
        if (problem != null) {
            out.add(new Mismatch("payout", p.id(), p.partnerId(), null, problem, p.status().wire(), provider,
                    posted.map(t -> t.amount().minor()).orElse(null), p.amount().minor(), p.amount().currency()));
        }
    }
}
