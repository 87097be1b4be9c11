package org.boxoffice.quote;

import org.boxoffice.settings.Settings;
import org.boxoffice.shared.Money;

/** The service fee on quoted tickets: a percentage of their price plus a fixed amount per ticket (operator settings). */
final class QuoteFee {
    private QuoteFee() {
    }

    /** Fees for {@code quantity} tickets costing {@code subtotal} in all, the percentage rounded half up. */
    static Money of(Settings.Values settings, Money subtotal, int quantity) {
        return subtotal.percent(settings.feePercentBps())
                .plus(Money.of(settings.feeFixedMinor(), subtotal.currency()).times(quantity));
    }
}
