package org.boxoffice.billing;

/** The ledger's accounts. Debits are positive, credits negative. */
final class Accounts {
    /** What Boxoffice owes the partner (a liability: credit-normal); the partner's balance is minus its sum. */
    static String payable(String partnerId) {
        return "partner:" + partnerId + ":payable";
    }

    /** Money held at a card provider. */
    static String card(String provider) {
        return "card:" + provider;
    }

    /** Money sent to partners' banks through a payout provider. */
    static String bank(String provider) {
        return "bank:" + provider;
    }

    static final String TICKET_REVENUE = "revenue:tickets";
    static final String FEE_REVENUE = "revenue:fees";
    static final String REFUNDS = "revenue:refunds";
    static final String COMMISSIONS = "expense:commissions";
    static final String ADJUSTMENTS = "expense:adjustments";

    private Accounts() {
    }
}
