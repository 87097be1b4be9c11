package org.boxoffice.billing;

import java.time.Instant;
import java.util.List;
import org.boxoffice.shared.Money;

/** One business event in the ledger, with the entries that post it. */
public record LedgerTransaction(String id, long seq, String partnerId, TransactionType type, Money amount,
                                Money balanceEffect, String orderId, String reference, String description,
                                String corrects, Instant createdAt, List<Entry> entries) {

    public String currency() {
        return amount.currency();
    }

    /** One line, in the transaction's currency: an account debited (positive) or credited (negative). */
    public record Entry(String account, long amountMinor) {
    }
}
