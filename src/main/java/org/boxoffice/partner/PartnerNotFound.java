package org.boxoffice.partner;

import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;

class PartnerNotFound extends ApiException {
    PartnerNotFound(String id) {
        super(ErrorCode.NOT_FOUND, "No partner " + id);
    }
}
