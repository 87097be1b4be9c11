package org.boxoffice.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.billing.Ledger;
import org.boxoffice.inventory.HoldService;
import org.boxoffice.partner.Partner;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.Payments;
import org.boxoffice.quote.Quote;
import org.boxoffice.quote.QuoteService;
import org.boxoffice.settings.Settings;
import org.boxoffice.shared.Ids;
import org.boxoffice.voucher.VoucherService;
import org.boxoffice.voucher.VoucherTicket;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two transactions around an order's charge. {@link #reserve} consumes the quote, creates the order, moves the
 * seats to it and records the charge attempt — all committed before the provider is called. The answer, recorded by
 * {@link Payments}, is applied by {@link #confirm}, {@link #undo} or {@link #fail}, in the transaction recording it.
 */
@Component
class OrderPlacement {
    private final OrderRepository orders;
    private final QuoteService quotes;
    private final HoldService holds;
    private final Payments payments;
    private final Settings settings;
    private final Ledger ledger;
    private final VoucherService vouchers;
    private final OrderTransitions transitions;
    private final Clock clock;

    OrderPlacement(OrderRepository orders, QuoteService quotes, HoldService holds, Payments payments, Settings settings,
                   Ledger ledger, VoucherService vouchers, OrderTransitions transitions, Clock clock) {
        this.orders = orders;
        this.quotes = quotes;
        this.holds = holds;
        this.payments = payments;
        this.settings = settings;
        this.ledger = ledger;
        this.vouchers = vouchers;
        this.transitions = transitions;
        this.clock = clock;
    }

    record Reserved(Order order, PaymentAttempt charge) {
    }

    @Transactional
    Reserved reserve(Quote quote, Partner partner, String deliveryType, Instant deadline) {
        quotes.consume(quote);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String id = Ids.newId("ord");
        Order order = new Order(id, partner.id(), quote.id(), quote.eventId(), OrderStatus.PENDING_PAYMENT, PaymentStatus.PENDING,
                deliveryType, deadline, transferEmail(), now);
        orders.insert(order);
        if (!holds.move(quote.ticketIds(), quote.id(), id, HoldService.UNTIL_SETTLED)) {
            throw new IllegalStateException("quote " + quote.id() + " was active but no longer holds its tickets");
        }
        PaymentAttempt charge = payments.open(PaymentAttempt.Owner.order(id), partner.id(), PaymentAttempt.Kind.CHARGE,
                partner.cardOnFile().provider(), partner.cardOnFile().reference(), quote.total(),
                "Boxoffice order " + id);
        return new Reserved(order, charge);
    }

    /**
     * The charge is captured: the order is confirmed, its seats sold, the charge posted to the ledger, and its
     * barcodes issued if it needs them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void confirm(Order order, Quote quote, PaymentAttempt charge) {
        if (transitions.move(order.id(), OrderStatus.CONFIRMED, PaymentStatus.CAPTURED)) {
            holds.sell(order.id());
            ledger.recordCharge(order.partnerId(), "order", order.id(), charge.provider(), quote.tickets(), quote.fees());
            if (!"mobile_transfer".equals(order.deliveryType())) {
                issueTickets(order, quote);
            }
        }
    }

    /** Barcodes for the order's tickets, and the voucher that prints them (mobile_qr and pdf orders). */
    private void issueTickets(Order order, Quote quote) {
        Map<String, String> barcodes = new LinkedHashMap<>();
        List<VoucherTicket> printed = new ArrayList<>();
        for (int i = 0; i < quote.ticketIds().size(); i++) {
            String ticket = quote.ticketIds().get(i);
            String barcode = VoucherService.newBarcode();
            barcodes.put(ticket, barcode);
            printed.add(new VoucherTicket(ticket, quote.sectionName(), quote.rowName(),
                    i < quote.seats().size() ? quote.seats().get(i) : null, barcode));
        }
        orders.insertTickets(order.id(), barcodes);
        vouchers.issue(order.id(), order.eventId(), printed);
    }

    /** A charge declined while the partner waits leaves no order: the quote is usable again, with its seats. */
    @Transactional(propagation = Propagation.MANDATORY)
    void undo(Order order, Quote quote) {
        holds.move(quote.ticketIds(), order.id(), quote.id(), quote.expiresAt());
        orders.delete(order.id());
        quotes.reactivate(quote.id());
    }

    /** A charge found declined after its answer was lost: the partner saw {@code pending_payment}, so it stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    void fail(Order order) {
        if (transitions.move(order.id(), OrderStatus.PAYMENT_FAILED, PaymentStatus.FAILED)) {
            holds.release(order.id());
        }
    }

    private String transferEmail() {
        return "order-" + Ids.random(14).toLowerCase() + "@" + settings.current().transferDomain();
    }
}
