package org.boxoffice.voucher;

import java.time.Instant;
import java.util.List;

/** The document issued for one booked basket item or one order: its tickets as they were at issue. */
record Voucher(String token, String ownerId, String eventId, Instant validUntil, List<VoucherTicket> tickets) {
}
