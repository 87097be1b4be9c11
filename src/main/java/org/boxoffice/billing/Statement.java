package org.boxoffice.billing;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** A month of a partner's ledger: per currency, the balance before and after, and every transaction between. */
public record Statement(YearMonth month, Instant from, Instant to, List<CurrencyBalance> balances,
                        List<LedgerTransaction> transactions) {

    public record CurrencyBalance(String currency, long openingMinor, long closingMinor) {
    }
}
