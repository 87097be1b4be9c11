package org.boxoffice.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.boxoffice.shared.Ids;
import org.boxoffice.shared.Money;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The billing ledger. Every business event posts one balanced transaction, once (posting the same event again does
 * nothing); nothing is ever changed or removed, a correction is a new transaction pointing at the one it corrects.
 * A partner's balance — what Boxoffice owes it — is always computed from the entries: from the last monthly
 * checkpoint before it (itself the sum of the entries before it) plus the entries since, so reading it does not grow
 * with the partner's history.
 */
@Service
public class Ledger {
    private static final Logger log = LoggerFactory.getLogger(Ledger.class);
    /** How long after a month ends its checkpoint is written: every posting stamped inside it has committed by then. */
    static final Duration CHECKPOINT_GRACE = Duration.ofHours(1);
    private final LedgerRepository ledger;
    private final CheckpointRepository checkpoints;
    private final Clock clock;

    Ledger(LedgerRepository ledger, CheckpointRepository checkpoints, Clock clock) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** The partner's card was charged for an order: tickets and fees are earned; the balance does not change. */
    @Transactional
    public boolean recordCharge(String partnerId, String what, String orderId, String cardProvider, Money tickets,
                                Money fees) {
        long total = tickets.plus(fees).minor();
        return post(partnerId, TransactionType.CHARGE, -total, 0, tickets.currency(), orderId, orderId,
                "Card charge for " + what + " " + orderId, null, List.of(
                        new LedgerTransaction.Entry(Accounts.card(cardProvider), total),
                        new LedgerTransaction.Entry(Accounts.TICKET_REVENUE, -tickets.minor()),
                        new LedgerTransaction.Entry(Accounts.FEE_REVENUE, -fees.minor())));
    }

    /** Money went back to the partner's card for an order; the balance does not change. */
    @Transactional
    public boolean recordRefund(String partnerId, String what, String orderId, String refundReference,
                                String cardProvider, Money amount) {
        return post(partnerId, TransactionType.REFUND, amount.minor(), 0, amount.currency(), orderId, refundReference,
                "Refund to card for " + what + " " + orderId, null, List.of(
                        new LedgerTransaction.Entry(Accounts.REFUNDS, amount.minor()),
                        new LedgerTransaction.Entry(Accounts.card(cardProvider), -amount.minor())));
    }

    /** The partner earned a commission (merchant of record): Boxoffice owes it more. */
    @Transactional
    public boolean recordCommission(String partnerId, String reference, String orderId, Money amount, String description) {
        long minor = amount.minor();
        return post(partnerId, TransactionType.COMMISSION, minor, minor, amount.currency(), orderId, reference,
                description, null, List.of(
                        new LedgerTransaction.Entry(Accounts.COMMISSIONS, minor),
                        new LedgerTransaction.Entry(Accounts.payable(partnerId), -minor)));
    }

    /** Money was sent to the partner's bank: Boxoffice owes it less. */
    @Transactional
    public boolean recordPayout(String partnerId, String payoutId, String bankProvider, Money amount) {
        long minor = amount.minor();
        return post(partnerId, TransactionType.PAYOUT, -minor, -minor, amount.currency(), null, payoutId,
                "Payout " + payoutId, null, List.of(
                        new LedgerTransaction.Entry(Accounts.payable(partnerId), minor),
                        new LedgerTransaction.Entry(Accounts.bank(bankProvider), -minor)));
    }

    /** A payout failed: a new transaction gives the amount back to the balance and points at the payout's posting. */
    @Transactional
    public boolean reversePayout(String partnerId, String payoutId, String bankProvider, Money amount) {
        String original = ledger.findByEvent(TransactionType.PAYOUT, payoutId).map(LedgerTransaction::id).orElseThrow();
        long minor = amount.minor();
        return post(partnerId, TransactionType.PAYOUT, minor, minor, amount.currency(), null, payoutId + ":reversal",
                "Payout " + payoutId + " failed: returned to the balance", original, List.of(
                        new LedgerTransaction.Entry(Accounts.bank(bankProvider), minor),
                        new LedgerTransaction.Entry(Accounts.payable(partnerId), -minor)));
    }

    /** An operator's manual credit (positive) or debit (negative) of the partner's balance. */
    @Transactional
    public LedgerTransaction adjust(String partnerId, Money amount, String description, String corrects) {
        if (corrects != null && ledger.find(corrects).filter(t -> t.partnerId().equals(partnerId)).isEmpty()) {
            throw ApiException.validation("corrects", "corrects must be a transaction of this partner");
        }
        String id = Ids.newId("txn");
        long minor = amount.minor();
        post(id, partnerId, TransactionType.ADJUSTMENT, minor, minor, amount.currency(), null, null, description,
                corrects, List.of(new LedgerTransaction.Entry(Accounts.ADJUSTMENTS, minor),
                        new LedgerTransaction.Entry(Accounts.payable(partnerId), -minor)));
        return ledger.find(id).orElseThrow();
    }

    /** The posting of a business event, if it was posted. */
    public java.util.Optional<LedgerTransaction> posting(TransactionType type, String reference) {
        return ledger.findByEvent(type, reference);
    }

    public Page<LedgerTransaction> transactions(String partnerId, TransactionType type, Instant from, Instant before,
                                                PageRequest page) {
        LedgerRepository.Filter filter = new LedgerRepository.Filter(partnerId, type, from, before);
        return new Page<>(ledger.list(filter, page.limit(), page.offset()), ledger.count(filter), page);
    }

    /** The partner's balance per currency now. */
    public Map<String, Long> balances(String partnerId) {
        closeMonths(partnerId);
        return checkpoints.balances(partnerId, null);
    }

    /** A calendar month (UTC): opening and closing balance per currency and the transactions between. */
    public Statement statement(String partnerId, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        closeMonths(partnerId);
        Map<String, Long> opening = checkpoints.balances(partnerId, from);
        Map<String, Long> closing = checkpoints.balances(partnerId, to);
        List<LedgerTransaction> transactions = ledger.between(partnerId, from, to);
        TreeSet<String> currencies = new TreeSet<>(opening.keySet());
        currencies.addAll(closing.keySet());
        transactions.forEach(t -> currencies.add(t.currency()));
        Map<String, Statement.CurrencyBalance> balances = new TreeMap<>();
        currencies.forEach(c -> balances.put(c, new Statement.CurrencyBalance(c, opening.getOrDefault(c, 0L),
                closing.getOrDefault(c, 0L))));
        return new Statement(month, from, to, List.copyOf(balances.values()), transactions);
    }

    /** Writes the checkpoints of the months closed since the last one, if any (once per read, not per balance). */
    private void closeMonths(String partnerId) {
        Instant now = Instant.now(clock);
        Instant until = YearMonth.from(now.minus(CHECKPOINT_GRACE).atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        Instant last = checkpoints.lastClose(partnerId);
        if (last == null || last.isBefore(until)) {
            checkpoints.closeMonths(partnerId, until, now);
            verify(partnerId, until);
        }
    }

    /** The newest checkpoint against a recount of every entry before it: once a month, and it must never disagree. */
    private void verify(String partnerId, Instant closesAt) {
        List<String> disagreements = checkpoints.disagreements(partnerId, closesAt);
        if (!disagreements.isEmpty()) {
            log.error("ledger checkpoints of {} disagree with the entries: {}", partnerId, disagreements);
        }
    }

    private boolean post(String partnerId, TransactionType type, long amount, long effect, String currency, String orderId,
                         String reference, String description, String corrects, List<LedgerTransaction.Entry> entries) {
        return post(Ids.newId("txn"), partnerId, type, amount, effect, currency, orderId, reference, description, corrects,
                entries);
    }

    private boolean post(String id, String partnerId, TransactionType type, long amount, long effect, String currency,
                         String orderId, String reference, String description, String corrects,
                         List<LedgerTransaction.Entry> entries) {
        if (entries.stream().mapToLong(LedgerTransaction.Entry::amountMinor).sum() != 0) {
            throw new IllegalArgumentException("unbalanced posting for " + type + " " + reference);
        }
        return ledger.insert(new LedgerTransaction(id, 0, partnerId, type, Money.of(amount, currency),
                Money.of(effect, currency), orderId, reference, description, corrects, Instant.now(clock).truncatedTo(ChronoUnit.MICROS), entries));
    }
}
