package org.boxoffice.inventory;

import java.util.List;

/** A ticket taken by a hold: its seat (null for GA), its price and how it can be delivered. */
public record HeldTicket(String ticketId, Integer seatNumber, long priceMinor, List<String> deliveryTypes) {
}
