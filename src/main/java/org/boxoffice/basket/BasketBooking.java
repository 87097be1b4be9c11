package org.boxoffice.basket;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.boxoffice.billing.Commissions;
import org.boxoffice.billing.Ledger;
import org.boxoffice.inventory.HoldService;
import org.boxoffice.partner.BillingModel;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.payment.IntentGateway;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.PaymentOutcome;
import org.boxoffice.payment.Payments;
import org.boxoffice.shared.Money;
import org.boxoffice.shared.WireEnum;
import org.boxoffice.voucher.VoucherService;
import org.boxoffice.voucher.VoucherTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a basket once its payment has an outcome. Paid: each item's tickets are sold (all of an item's,
 * or none), the item gets its voucher, and the money is posted (commission for merchant of record, the charge for
 * on-account); an item whose tickets are gone is refunded. Failed: the basket is {@code payment_failed} and its
 * items keep their tickets until their reservation runs out. Every step is a compare-and-set under the basket's lock,
 * so a repeated or late notification changes nothing.
 */
@Component
class BasketBooking {
    private static final Logger log = LoggerFactory.getLogger(BasketBooking.class);
    private final BasketRepository baskets;
    private final BasketTransitions transitions;
    private final HoldService holds;
    private final Payments payments;
    private final VoucherService vouchers;
    private final Ledger ledger;
    private final Commissions commissions;
    private final PartnerService partners;
    private final IntentGateway intents;

    BasketBooking(BasketRepository baskets, BasketTransitions transitions, HoldService holds, Payments payments, VoucherService vouchers, Ledger ledger,
                  Commissions commissions,
                  PartnerService partners, IntentGateway intents) {
        this.baskets = baskets;
        this.transitions = transitions;
        this.holds = holds;
        this.payments = payments;
        this.vouchers = vouchers;
        this.ledger = ledger;
        this.commissions = commissions;
        this.partners = partners;
        this.intents = intents;
    }

    /** How the money is taken: through a PaymentIntent the customer pays, or by charging the partner's card. */
    enum Paid implements WireEnum { BY_CUSTOMER, ON_ACCOUNT }

    /**
     * Books the paid basket and returns the refunds it opened for items that could not be booked; the caller makes
     * them after the commit. Does nothing (no refunds) unless the basket was waiting for the payment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<PaymentAttempt> book(Basket basket, String paymentReference, Paid paid) {
        if (!basket.checkoutStatus().canMoveTo(CheckoutStatus.CHECKED_OUT)) {
            return List.of();
        }
        List<PaymentAttempt> refunds = new ArrayList<>();
        for (Basket.Item item : basket.reserved()) {
            if (holds.sellAll(item.id(), item.quantity())) {
                transitions.move(item.id(), ItemStatus.BOOKED);
                vouchers.issue(item.id(), item.eventId(), printed(item));
                if (paid == Paid.BY_CUSTOMER) {
                    commissions.credit(basket.partnerId(), basket.id(), item.id(), item.quantity(), item.price());
                }
            } else {
                holds.release(item.id());
                transitions.move(item.id(), ItemStatus.ERRORED);
                refunds.add(payments.open(PaymentAttempt.Owner.basketItem(item.id()), basket.partnerId(),
                        PaymentAttempt.Kind.REFUND, basket.payment().provider(), paymentReference, item.total(),
                        "Refund of basket item " + item.id() + " of basket " + basket.id()));
            }
        }
        if (paid == Paid.ON_ACCOUNT) {
            List<Basket.Item> charged = basket.reserved();
            ledger.recordCharge(basket.partnerId(), "basket", basket.id(), basket.payment().provider(),
                    Money.sum(basket.currency(), charged.stream().map(Basket.Item::price).toList()),
                    Money.sum(basket.currency(), charged.stream().map(Basket.Item::bookingFee).toList()));
        }
        if (!transitions.move(basket, refunds.isEmpty() ? CheckoutStatus.CHECKED_OUT
                : CheckoutStatus.CHECKED_OUT_WITH_ERRORS, paymentReference)) {
            throw new IllegalStateException("basket " + basket.id() + " changed while it was booked under its lock");
        }
        return refunds;
    }

    /**
     * A payment the basket cannot take (it changed since, or another payment booked it) goes back in full, once,
     * through the provider that took it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<PaymentAttempt> refundUnclaimed(Basket basket, IntentGateway.Intent intent) {
        boolean refunded = payments.of(PaymentAttempt.Owner.basket(basket.id())).stream().anyMatch(a -> a.kind() == PaymentAttempt.Kind.REFUND
                && a.paymentMethod().equals(intent.id()));
        if (refunded) {
            return List.of();
        }
        log.warn("payment {} for basket {} paid for nothing it can book now; refunding {} in full", intent.id(),
                basket.id(), intent.amountMinor());
        return List.of(payments.open(PaymentAttempt.Owner.basket(basket.id()), basket.partnerId(),
                PaymentAttempt.Kind.REFUND, intents.provider(), intent.id(), intent.amount(),
                "Refund of payment " + intent.id() + " for basket " + basket.id()));
    }

    /** The payment failed: the customer may try again; the items keep their tickets until their reservation ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    void paymentFailed(Basket basket) {
        if (!basket.pending()) {
            return;
        }
        basket.reserved().forEach(i -> holds.extend(i.id(), i.reservedUntil()));
        transitions.move(basket, CheckoutStatus.PAYMENT_FAILED, null);
    }

    /** A refund of an item has its answer: a successful one makes the item {@code errored_and_refunded}. */
    @Transactional(propagation = Propagation.MANDATORY)
    void refunded(PaymentAttempt attempt, PaymentOutcome outcome) {
        if (!(outcome instanceof PaymentOutcome.Succeeded)) {
            log.warn("refund {} of item {} did not go through ({}); the item stays errored", attempt.id(),
                    attempt.owner().id(), outcome);
            return;
        }
        boolean onAccount = partners.get(attempt.partnerId()).billingModel() == BillingModel.PARTNER_BILLED;
        String itemId = attempt.owner().id();
        if (transitions.move(itemId, ItemStatus.ERRORED_AND_REFUNDED) && onAccount) {
            String basketId = baskets.basketOfItem(itemId).orElseThrow();
            ledger.recordRefund(attempt.partnerId(), "basket", basketId, attempt.id(), attempt.provider(), attempt.amount());
        }
    }

    private static List<VoucherTicket> printed(Basket.Item item) {
        return IntStream.range(0, item.ticketIds().size()).mapToObj(i -> new VoucherTicket(item.ticketIds().get(i),
                item.sectionName(), item.rowName(), i < item.seats().size() ? item.seats().get(i) : null,
                VoucherService.newBarcode())).toList();
    }
}
