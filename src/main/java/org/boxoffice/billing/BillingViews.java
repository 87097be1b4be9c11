package org.boxoffice.billing;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.boxoffice.shared.MoneyView;

/** How ledger objects look on the wire. */
final class BillingViews {
    private BillingViews() {
    }

    record TransactionView(String transactionId, TransactionType type, MoneyView amount, MoneyView balanceEffect,
                           @Nullable String orderId, String description, @Nullable String corrects, Instant createdAt) {
        static TransactionView of(LedgerTransaction t) {
            return new TransactionView(t.id(), t.type(), MoneyView.of(t.amount()),
                    MoneyView.of(t.balanceEffect()), t.orderId(), t.description(), t.corrects(),
                    t.createdAt());
        }
    }

    /** The operator's view adds the double entry. */
    record EntryView(String account, @Nullable MoneyView debit, @Nullable MoneyView credit) {
    }

    record AdminTransactionView(TransactionView transaction, @Nullable String reference, List<EntryView> entries) {
        static AdminTransactionView of(LedgerTransaction t) {
            return new AdminTransactionView(TransactionView.of(t), t.reference(), t.entries().stream()
                    .map(e -> new EntryView(e.account(), e.amountMinor() > 0 ? MoneyView.of(e.amountMinor(), t.currency()) : null,
                            e.amountMinor() < 0 ? MoneyView.of(-e.amountMinor(), t.currency()) : null)).toList());
        }
    }

    record BalanceView(List<MoneyView> available, Instant asOf) {
        static BalanceView of(Map<String, Long> balances, Instant asOf) {
            return new BalanceView(balances.entrySet().stream().map(b -> MoneyView.of(b.getValue(), b.getKey())).toList(), asOf);
        }
    }

    record StatementView(String month, Instant periodStart, Instant periodEnd, List<BalanceLine> balances,
                         List<TransactionView> transactions) {
        record BalanceLine(String currency, MoneyView openingBalance, MoneyView closingBalance) {
        }

        static StatementView of(Statement s) {
            return new StatementView(s.month().toString(), s.from(), s.to(), s.balances().stream()
                    .map(b -> new BalanceLine(b.currency(), MoneyView.of(b.openingMinor(), b.currency()),
                            MoneyView.of(b.closingMinor(), b.currency()))).toList(),
                    s.transactions().stream().map(TransactionView::of).toList());
        }
    }
}
