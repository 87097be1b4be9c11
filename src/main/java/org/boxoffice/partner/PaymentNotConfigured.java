package org.boxoffice.partner;

import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;

public class PaymentNotConfigured extends ApiException {
    PaymentNotConfigured() {
        super(ErrorCode.PAYMENT_NOT_CONFIGURED, "This account needs both a payout method and a card on file before it can "
                + "quote or order; see GET /v1/account");
    }
}
