package org.boxoffice.billing;

import org.boxoffice.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a merchant-of-record partner earns: its rate (basis points of the ticket price, 0 until an operator sets it)
 * on every booked item, credited to its balance in the ledger and paid out with it.
 */
@Service
public class Commissions {
    private final CommissionRepository rates;
    private final Ledger ledger;

    Commissions(CommissionRepository rates, Ledger ledger) {
        this.rates = rates;
        this.ledger = ledger;
    }

    public int rateBps(String partnerId) {
        return rates.rateBps(partnerId).orElse(0);
    }

    @Transactional
    public void setRateBps(String partnerId, int bps) {
        rates.setRateBps(partnerId, bps);
    }

    /** Credits the commission on one booked item (once: the ledger keys it by the item), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void credit(String partnerId, String basketId, String itemId, int quantity, Money price) {
        Money commission = price.percent(rateBps(partnerId));
        if (commission.minor() > 0) {
            ledger.recordCommission(partnerId, "commission:" + itemId, basketId, commission,
                    "Commission on " + quantity + " ticket(s), item " + itemId + " of basket " + basketId);
        }
    }
}
