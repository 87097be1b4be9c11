package org.boxoffice.order;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.partner.CallingPartner;
import org.boxoffice.partner.Ownership;
import org.boxoffice.partner.Partner;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.payment.CardDeclined;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.PaymentOutcome;
import org.boxoffice.payment.Payments;
import org.boxoffice.quote.Quote;
import org.boxoffice.quote.QuoteErrors;
import org.boxoffice.quote.QuoteService;
import org.boxoffice.voucher.VoucherService;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.springframework.stereotype.Service;

/** Orders as partners make and read them. */
@Service
public class OrderService {
    private final OrderRepository orders;
    private final OrderPlacement placement;
    private final QuoteService quotes;
    private final PartnerService partners;
    private final CatalogService catalog;
    private final Payments payments;
    private final VoucherService vouchers;
    private final Clock clock;

    OrderService(OrderRepository orders, OrderPlacement placement, QuoteService quotes, PartnerService partners,
                 CatalogService catalog, Payments payments, VoucherService vouchers, Clock clock) {
        this.orders = orders;
        this.placement = placement;
        this.quotes = quotes;
        this.partners = partners;
        this.catalog = catalog;
        this.payments = payments;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    public record OrderRequest(String quoteId, String deliveryType, Instant deliveryDeadline) {
    }

    /** An order with the quote it was made from. */
    public record Placed(Order order, Quote quote) {
    }

    /**
     * Checks, then consumes the quote and charges the card on file (never inside a transaction). A decline answers
     * {@code PAYMENT_FAILED} and leaves no order; no answer leaves the order {@code pending_payment} for reconciliation.
     */
    public Placed place(CallingPartner caller, OrderRequest request) {
        Quote quote = quotes.get(caller, request.quoteId());
        Partner partner = partners.requirePaymentConfigured(caller.partnerId());
        Instant now = Instant.now(clock);
        if (quote.consumed()) { // e.g. a retry whose first run ordered it and then lost its answer: say which order
            throw QuoteErrors.consumed(quote, orders.idForQuote(quote.id()).orElse(null));
        }
        QuoteErrors.requireUsable(quote, now);
        if (!quote.deliveryTypes().contains(request.deliveryType())) {
            throw OrderErrors.deliveryTypeNotSupported(request.deliveryType(), quote.deliveryTypes());
        }
        Instant eventStart = catalog.summary(quote.eventId()).eventDatetimeUtc();
        if (!request.deliveryDeadline().isAfter(now)) {
            throw OrderErrors.invalidDeadline("must be in the future");
        }
        if (!request.deliveryDeadline().isBefore(eventStart)) {
            throw OrderErrors.invalidDeadline("must be before the event starts (" + eventStart + ")");
        }
        OrderPlacement.Reserved reserved = placement.reserve(quote, partner, request.deliveryType(), request.deliveryDeadline());
        PaymentOutcome outcome = payments.pay(reserved.charge());
        Order placed = orders.find(reserved.order().id()).orElseThrow(() -> CardDeclined.error(
                (PaymentOutcome.Failed) outcome, "No order was made; the quote is still usable.")); // only a decline undoes it
        return new Placed(placed, quote);
    }

    public Placed get(CallingPartner caller, String orderId) {
        Placed placed = find(orderId);
        Ownership.require(caller, placed.order().partnerId(), "order");
        return placed;
    }

    /** Any partner's order, for operators. */
    Placed find(String orderId) {
        Order order = orders.find(orderId).orElseThrow(() -> OrderErrors.notFound(orderId));
        return new Placed(order, quotes.byIds(List.of(order.quoteId())).getFirst());
    }

    public Page<Placed> list(CallingPartner caller, OrderStatus status, String eventId, Instant from, Instant before,
                             PageRequest page) {
        return list(new OrderRepository.Filter(caller.partnerId(), status, eventId, from, before), page);
    }

    Page<Placed> list(OrderRepository.Filter filter, PageRequest page) {
        List<Order> found = orders.list(filter, page.limit(), page.offset());
        var byId = quotes.byIds(found.stream().map(Order::quoteId).toList()).stream()
                .collect(java.util.stream.Collectors.toMap(Quote::id, q -> q));
        return new Page<>(found.stream().map(o -> new Placed(o, byId.get(o.quoteId()))).toList(), orders.count(filter), page);
    }

    /** Every payment attempt of the order (charge and refunds), oldest first, for operators. */
    List<PaymentAttempt> attempts(String orderId) {
        return payments.of(PaymentAttempt.Owner.order(orderId));
    }

    /** Issued tickets with barcodes (mobile_qr and pdf orders, once the charge is captured), in seat order. */
    public List<OrderView.TicketView> tickets(CallingPartner caller, String orderId) {
        Placed placed = get(caller, orderId);
        var barcodes = orders.barcodes(orderId);
        String voucherUrl = vouchers.urls(List.of(orderId)).get(orderId);
        Quote q = placed.quote();
        return java.util.stream.IntStream.range(0, q.ticketIds().size())
                .filter(i -> barcodes.containsKey(q.ticketIds().get(i)))
                .mapToObj(i -> new OrderView.TicketView(q.ticketIds().get(i), q.sectionName(), q.rowName(),
                        i < q.seats().size() ? q.seats().get(i) : null, barcodes.get(q.ticketIds().get(i)), "qr_code", voucherUrl))
                .toList();
    }
}
