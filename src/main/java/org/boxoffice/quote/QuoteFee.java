package org.boxoffice.quote;

import org.boxoffice.settings.Settings;
import org.boxoffice.shared.Money;

/** The service fee on quoted tickets: a percentage of their price plus a fixed amount per ticket (operator settings). */
final class QuoteFee {
    private QuoteFee() {
    }

    /** Fees for {@code quantity} tickets costing {@code subtotalMinor} in all, the percentage rounded half up. */
    static long of(Settings.Values settings, long subtotalMinor, int quantity) {
        return Math.addExact(Money.percentOf(subtotalMinor, settings.feePercentBps()),
                Math.multiplyExact(settings.feeFixedMinor(), quantity));
    }
}
