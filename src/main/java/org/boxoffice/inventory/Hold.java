package org.boxoffice.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Tickets of one row held for one owner (a quote, an order, a basket item) until {@code until}. */
public record Hold(String holdId, String rowId, List<HeldTicket> tickets, Instant until) {

    public List<String> ticketIds() {
        return tickets.stream().map(HeldTicket::ticketId).toList();
    }

    public long totalPriceMinor() {
        return tickets.stream().mapToLong(HeldTicket::priceMinor).sum();
    }

    /** The delivery types every held ticket supports, in the catalogue's order. */
    public List<String> commonDeliveryTypes() {
        Set<String> common = new TreeSet<>(tickets.getFirst().deliveryTypes());
        tickets.forEach(t -> common.retainAll(t.deliveryTypes()));
        return java.util.Arrays.stream(DeliveryType.values()).map(DeliveryType::wire).filter(common::contains).toList();
    }
}
