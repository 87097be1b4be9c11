package org.boxoffice.basket;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.boxoffice.catalog.EventSummary;
import org.boxoffice.shared.Money;
import org.boxoffice.shared.MoneyView;

/**
 * A basket as partners see it (API.md §7). Totals count the items not expired: before checkout, what the customer
 * would pay; after it, what was paid (refunds of errored items are on the items).
 */
public record BasketView(String basketId, CheckoutStatus checkoutStatus, List<ItemView> items, MoneyView totalItemsPrice,
                         MoneyView totalBookingFee, MoneyView totalPrice, String currency, Instant createdAt) {

    public record ItemView(String itemId, ItemStatus status, Instant reservedUntil, EventSummary event, String sectionName,
                           String rowName, List<String> seats, int quantity, MoneyView price, MoneyView bookingFee,
                           boolean bookedSuccessfully, @Nullable String voucherUrl) {
    }

    static BasketView of(Basket b, Map<String, EventSummary> events, Map<String, String> voucherUrls, Instant now) {
        List<ItemView> items = b.items().stream().map(i -> new ItemView(i.id(), i.status(now, b.pending()), i.reservedUntil(),
                events.get(i.eventId()), i.sectionName(), i.rowName(), i.seats(), i.quantity(),
                MoneyView.of(i.price()), MoneyView.of(i.bookingFee()),
                i.status() == ItemStatus.BOOKED, voucherUrls.get(i.id()))).toList();
        List<Basket.Item> counted = b.items().stream().filter(i -> i.status(now, b.pending()) != ItemStatus.EXPIRED).toList();
        Money price = Money.sum(b.currency(), counted.stream().map(Basket.Item::price).toList());
        Money fees = Money.sum(b.currency(), counted.stream().map(Basket.Item::bookingFee).toList());
        return new BasketView(b.id(), b.checkoutStatus(), items, MoneyView.of(price), MoneyView.of(fees),
                MoneyView.of(price.plus(fees)), b.currency(), b.createdAt());
    }
}
