package org.boxoffice.partner;

import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;

/** A partner's quotes, orders and baskets are its own: another partner's is {@code 403 FORBIDDEN}, whatever it is. */
public final class Ownership {
    private Ownership() {
    }

    /** Refuses {@code caller} a {@code what} owned by {@code ownerId} unless it is the caller's own. */
    public static void require(CallingPartner caller, String ownerId, String what) {
        if (!caller.partnerId().equals(ownerId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "This " + what + " belongs to another partner");
        }
    }
}
