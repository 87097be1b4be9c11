package org.boxoffice.voucher;

/** One ticket printed on a voucher; {@code seat} is null for general admission. */
public record VoucherTicket(String ticketId, String sectionName, String rowName, String seat, String barcode) {
}
