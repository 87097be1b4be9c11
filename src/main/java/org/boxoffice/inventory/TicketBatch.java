package org.boxoffice.inventory;

import java.util.List;

/**
 * A line of inventory to load: a seat range of a row ({@code seatFrom..seatTo}), or a quantity of GA tickets,
 * at one price with the delivery types they support. {@code source} names where it came from (a CSV line number, a JSON path).
 */
public record TicketBatch(Object source, String sectionName, String rowName, Integer seatFrom, Integer seatTo,
                          Integer quantity, String price, List<String> deliveryTypes) {
}
