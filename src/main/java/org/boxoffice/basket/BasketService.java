package org.boxoffice.basket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.catalog.EventLayout;
import org.boxoffice.catalog.Row;
import org.boxoffice.catalog.SaleTarget;
import org.boxoffice.catalog.Section;
import org.boxoffice.inventory.Hold;
import org.boxoffice.inventory.HoldService;
import org.boxoffice.shared.Money;
import org.boxoffice.voucher.VoucherService;
import org.boxoffice.partner.CallingPartner;
import org.boxoffice.partner.Ownership;
import org.boxoffice.shared.Ids;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Baskets: each item holds tickets through {@code inventory} for 15 minutes, priced with the partner's booking fee.
 * A basket can change only before its checkout starts; it holds at most 200 items.
 */
@Service
public class BasketService {
    static final int MAX_ITEMS = 200;
    static final Duration RESERVATION = Duration.ofMinutes(15);
    private final BasketRepository baskets;
    private final BasketTransitions transitions;
    private final CatalogService catalog;
    private final HoldService holds;
    private final VoucherService vouchers;
    private final Clock clock;

    BasketService(BasketRepository baskets, BasketTransitions transitions, CatalogService catalog, HoldService holds,
                  VoucherService vouchers, Clock clock) {
        this.baskets = baskets;
        this.transitions = transitions;
        this.catalog = catalog;
        this.holds = holds;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    /** The voucher link of each booked item, by item id. */
    public Map<String, String> voucherUrls(Basket basket) {
        return vouchers.urls(basket.items().stream().filter(i -> i.status() == ItemStatus.BOOKED).map(Basket.Item::id)
                .toList());
    }

    public record ItemRequest(String eventId, String sectionName, String rowName, int quantity) {
    }

    @Transactional
    public Basket create(CallingPartner caller, String currency) {
        Basket basket = new Basket(Ids.newId("bkt"), caller.partnerId(), currency, CheckoutStatus.NOT_CHECKED_OUT,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), Basket.Payment.NONE, List.of());
        baskets.insert(basket);
        return basket;
    }

    public Basket get(CallingPartner caller, String basketId) {
        return owned(caller, basketId, false);
    }

    /** Holds the tickets and adds the item, or changes nothing and says why (the errors of quotes). */
    @Transactional
    public Basket addItem(CallingPartner caller, String basketId, ItemRequest request) {
        Basket basket = changeable(caller, basketId);
        if (basket.items().size() >= MAX_ITEMS) {
            throw new ApiException(ErrorCode.BASKET_ITEM_LIMIT, "A basket holds at most " + MAX_ITEMS + " items");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        SaleTarget target = catalog.saleTarget(request.eventId(), request.sectionName(), request.rowName(), now);
        EventLayout event = target.event();
        Section section = target.section();
        Optional<Row> row = target.row();
        if (!event.currency().equals(basket.currency())) {
            throw ApiException.validation("event_id", "this basket is in " + basket.currency() + "; the event sells in "
                    + event.currency());
        }
        String itemId = Ids.newId("itm");
        Hold hold = holds.hold(itemId, section, row, request.quantity(), now.plus(RESERVATION));
        Row heldRow = section.rows().stream().filter(r -> r.id().equals(hold.rowId())).findFirst().orElseThrow();
        Money price = Money.of(hold.totalPriceMinor(), basket.currency());
        BookingFee fee = baskets.bookingFee(basket.partnerId()).orElse(BookingFee.DEFAULT);
        baskets.insertItem(new Basket.Item(itemId, basket.id(), event.eventId(), section.name(), heldRow.name(),
                hold.ticketIds(), hold.tickets().stream().filter(t -> t.seatNumber() != null)
                .map(t -> t.seatNumber().toString()).toList(), request.quantity(), price, fee.of(price), ItemStatus.RESERVED,
                hold.until(), now));
        return baskets.find(basket.id(), false).orElseThrow();
    }

    /** Releases the item's tickets and takes it out of the basket. */
    @Transactional
    public Basket removeItem(CallingPartner caller, String basketId, String itemId) {
        Basket basket = changeable(caller, basketId);
        if (basket.items().stream().noneMatch(i -> i.id().equals(itemId))) {
            throw new ApiException(ErrorCode.ITEM_NOT_FOUND, "Basket " + basketId + " has no item " + itemId);
        }
        holds.release(itemId);
        transitions.move(itemId, ItemStatus.REMOVED);
        return baskets.find(basketId, false).orElseThrow();
    }

    @Transactional
    public void setBookingFee(String partnerId, BookingFee fee) {
        baskets.setBookingFee(partnerId, fee);
    }

    public BookingFee bookingFee(String partnerId) {
        return baskets.bookingFee(partnerId).orElse(BookingFee.DEFAULT);
    }

    /**
     * The basket, locked, if it can change: before checkout, or after a failed payment. Changing it then ends that
     * checkout (back to {@code not_checked_out}): the customer pays the new total through the next
     * {@code stripe_object}, and a late payment of the old one is refunded.
     */
    private Basket changeable(CallingPartner caller, String basketId) {
        Basket basket = owned(caller, basketId, true);
        if (basket.pending() || basket.checkedOut()) {
            throw conflict(basket);
        }
        if (basket.checkoutStatus() == CheckoutStatus.PAYMENT_FAILED) {
            transitions.move(basket, CheckoutStatus.NOT_CHECKED_OUT, null);
        }
        return basket;
    }

    /** The basket, locked, unless it is already checked out. */
    Basket lockedForCheckout(CallingPartner caller, String basketId) {
        Basket basket = owned(caller, basketId, true);
        if (basket.checkedOut()) {
            throw conflict(basket);
        }
        return basket;
    }

    static ApiException conflict(Basket basket) {
        return new ApiException(ErrorCode.BASKET_STATUS_CONFLICT, "Basket " + basket.id() + " is "
                + basket.checkoutStatus().wire() + (basket.pending() ? ": its payment is in progress" : " and can no longer change"));
    }

    private Basket owned(CallingPartner caller, String basketId, boolean lock) {
        Basket basket = baskets.find(basketId, lock).orElseThrow(() ->
                new ApiException(ErrorCode.BASKET_NOT_FOUND, "No basket " + basketId));
        Ownership.require(caller, basket.partnerId(), "basket");
        return basket;
    }
}
