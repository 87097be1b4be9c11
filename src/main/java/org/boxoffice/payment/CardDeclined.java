package org.boxoffice.payment;

import java.util.Map;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;

/** The one answer for a declined card on file: {@code 402 PAYMENT_FAILED} with the provider's decline code. */
public final class CardDeclined {
    private CardDeclined() {
    }

    /** {@code consequence} tells the partner what the decline left behind (no order, a basket to pay again). */
    public static ApiException error(PaymentOutcome.Failed failed, String consequence) {
        return new ApiException(ErrorCode.PAYMENT_FAILED, "The card on file was declined: "
                + (failed.message() == null ? "no reason given." : failed.message()) + " " + consequence,
                Map.of("decline_code", failed.code() == null ? "card_declined" : failed.code()));
    }
}
