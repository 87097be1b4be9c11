package org.boxoffice.inventory;

import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;

public class NoInventoryAvailable extends ApiException {
    NoInventoryAvailable(int quantity, String where) {
        super(ErrorCode.NO_INVENTORY_AVAILABLE, "No " + quantity + (quantity == 1 ? " ticket" : " contiguous tickets")
                + " available " + where + "; try another row or section, or fewer tickets");
    }
}
