package org.boxoffice.billing;

import java.time.Instant;
import java.util.List;

/** One business event in the ledger, with the entries that post it. */
public record LedgerTransaction(String id, long seq, String partnerId, TransactionType type, long amountMinor,
                                long balanceEffectMinor, String currency, String orderId, String reference,
                                String description, String corrects, Instant createdAt, List<Entry> entries) {

    /** One line: an account debited (positive) or credited (negative). */
    public record Entry(String account, long amountMinor) {
    }
}
