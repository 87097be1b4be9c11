package org.boxoffice.basket;

import org.boxoffice.shared.Money;

/** A partner's booking fee per basket item: fixed plus a percentage of the item's price, kept within [min, max]. */
public record BookingFee(long fixedMinor, int percentBps, long minMinor, Long maxMinor) {
    /** Without an operator's setting: 1.50 plus 5 %, at least 1.50, at most 25.00 (in the item's currency's units). */
    static final BookingFee DEFAULT = new BookingFee(150, 500, 150, 2500L);

    /** The fee on an item of {@code price}, in its currency. */
    Money of(Money price) {
        long fee = Math.addExact(fixedMinor, price.percent(percentBps).minor());
        fee = Math.max(fee, minMinor);
        return Money.of(maxMinor == null ? fee : Math.min(fee, maxMinor), price.currency());
    }
}
