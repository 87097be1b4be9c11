package org.boxoffice.basket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.boxoffice.inventory.HoldService;
import org.boxoffice.partner.BillingModel;
import org.boxoffice.partner.CallingPartner;
import org.boxoffice.partner.Partner;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.payment.CardDeclined;
import org.boxoffice.payment.CardGateway;
import org.boxoffice.payment.IntentGateway;
import org.boxoffice.payment.IntentGateway.Intent;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.PaymentOutcome;
import org.boxoffice.payment.Payments;
import org.boxoffice.shared.Money;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkout of a basket, by the partner's billing model. Merchant of record: {@link #paymentIntent} hands the
 * partner's page a PaymentIntent for the total, and the provider's report of it ({@link #settle}) books the basket.
 * On account: {@link #checkout} charges the partner's card on file at once. Either way the holds are kept while
 * the payment is pending, and no provider is called inside a database transaction.
 */
@Service
public class BasketCheckout {
    private final BasketService baskets;
    private final BasketRepository repository;
    private final BasketBooking booking;
    private final BasketTransitions transitions;
    private final PartnerService partners;
    private final HoldService holds;
    private final Payments payments;
    private final IntentGateway intents;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BasketCheckout(BasketService baskets, BasketRepository repository, BasketBooking booking,
                   BasketTransitions transitions, PartnerService partners, HoldService holds, Payments payments,
                   IntentGateway intents, TransactionTemplate transaction, Clock clock) {
        this.baskets = baskets;
        this.repository = repository;
        this.booking = booking;
        this.transitions = transitions;
        this.partners = partners;
        this.holds = holds;
        this.payments = payments;
        this.intents = intents;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What the partner's page needs to take the payment. {@code checkoutUrl} only with the sandbox. */
    public record PaymentIntentAnswer(Intent intent, String publishableKey, String checkoutUrl) {
    }

    /** What to do with the provider, decided under the basket's lock. */
    private sealed interface Plan {
        record Reuse(String intentId, int version) implements Plan {
        }

        record Update(String intentId, Money amount, int version) implements Plan {
        }

        record Create(int version) implements Plan {
        }
    }

    /**
     * The PaymentIntent for the basket's total: created on the first call, the same one again for an unchanged basket,
     * its amount updated (or the intent replaced) when the basket changed after a failed payment.
     */
    public PaymentIntentAnswer paymentIntent(CallingPartner caller, String basketId, String receiptEmail) {
        Plan plan = transaction.execute(status -> prepareIntent(caller, basketId));
        Basket basket = baskets.get(caller, basketId);
        Made made;
        try {
            made = carryOut(plan, basket, receiptEmail);
        } catch (CardGateway.OutcomeUnknown e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The payment provider did not answer; call again: "
                    + "the same basket gets the same payment intent");
        } catch (IntentGateway.Refused e) {
            throw ApiException.validation("basket", "the payment provider refused this payment: " + e.getMessage());
        }
        transaction.executeWithoutResult(status -> repository.setIntent(basketId, made.intent().id(), made.version(),
                Instant.now(clock)));
        return new PaymentIntentAnswer(made.intent(), intents.publishableKey(),
                intents.checkoutUrl(made.intent()).orElse(null));
    }

    /** The intent that serves the basket now, and the version of the key it was made with. */
    private record Made(Intent intent, int version) {
    }

    private Plan prepareIntent(CallingPartner caller, String basketId) {
        Basket basket = baskets.lockedForCheckout(caller, basketId); // another partner's basket: FORBIDDEN first
        requireModel(caller, BillingModel.MERCHANT_OF_RECORD, "stripe_object", "checkout");
        if (!intents.configured()) {
            throw new ApiException(ErrorCode.PAYMENT_NOT_CONFIGURED,
                    "This server takes no customer card payments yet (no Stripe keys); contact Boxoffice");
        }
        Basket.Payment previous = basket.payment();
        int version = previous.intentVersion();
        if (basket.pending()) {
            return previous.intentId() == null ? new Plan.Create(version) : new Plan.Reuse(previous.intentId(), version);
        }
        if (previous.intentId() == null) {
            start(basket, BasketBooking.Paid.BY_CUSTOMER, intents.provider(), version + 1);
            return new Plan.Create(version + 1);
        }
        Money amount = start(basket, BasketBooking.Paid.BY_CUSTOMER, intents.provider(), version);
        return amount.equals(previous.amount()) ? new Plan.Reuse(previous.intentId(), version)
                : new Plan.Update(previous.intentId(), amount, version);
    }

    private Made carryOut(Plan plan, Basket basket, String receiptEmail) {
        return switch (plan) {
            case Plan.Create c -> new Made(create(basket, c.version(), receiptEmail), c.version());
            case Plan.Reuse r -> {
                Intent intent = intents.retrieve(r.intentId());
                yield intent.open() ? new Made(intent, r.version()) : replace(intent, basket, r.version() + 1, receiptEmail);
            }
            case Plan.Update u -> {
                Intent updated = intents.updateAmount(u.intentId(), u.amount().minor()).orElse(null);
                yield updated != null ? new Made(updated, u.version()) : replace(intents.cancel(u.intentId())
                        .orElseGet(() -> intents.retrieve(u.intentId())), basket, u.version() + 1, receiptEmail);
            }
        };
    }

    /**
     * An intent that cannot serve the basket any more. If it was paid, that payment is settled first: it books the
     * basket when it paid for it as it stands, and is refunded otherwise (then a new intent is made).
     */
    private Made replace(Intent old, Basket basket, int version, String receiptEmail) {
        if (old.succeeded()) {
            settle(old);
            Basket now = repository.find(basket.id(), false).orElseThrow();
            if (now.checkedOut()) {
                throw BasketService.conflict(now);
            }
        }
        return new Made(create(basket, version, receiptEmail), version);
    }

    /** {@code basket} was read after the checkout started, so its payment amount is the one to ask for. */
    private Intent create(Basket basket, int version, String receiptEmail) {
        Money amount = basket.payment().amount();
        return intents.create("basket_" + basket.id() + "_intent_" + version, amount.minor(), amount.currency(),
                Map.of("basket_id", basket.id(), "partner_id", basket.partnerId()), receiptEmail,
                "Boxoffice tickets, basket " + basket.id());
    }

    /**
     * On account: charges the partner's card on file for the total and books the basket. A decline is
     * {@code 402 PAYMENT_FAILED} (the basket is {@code payment_failed}, its items still held); no answer leaves the
     * basket {@code checkout_pending} until reconciliation asks the provider.
     */
    public Basket checkout(CallingPartner caller, String basketId) {
        PaymentAttempt charge = transaction.execute(status -> {
            Basket basket = baskets.lockedForCheckout(caller, basketId); // another partner's basket: FORBIDDEN first
            Partner partner = requireModel(caller, BillingModel.PARTNER_BILLED, "checkout", "stripe_object");
            partners.requirePaymentConfigured(partner.id());
            if (basket.pending()) {
                throw BasketService.conflict(basket);
            }
            Money amount = start(basket, BasketBooking.Paid.ON_ACCOUNT, partner.cardOnFile().provider(),
                    basket.payment().intentVersion());
            return payments.open(PaymentAttempt.Owner.basket(basket.id()), partner.id(), PaymentAttempt.Kind.CHARGE,
                    partner.cardOnFile().provider(), partner.cardOnFile().reference(), amount,
                    "Boxoffice basket " + basket.id());
        });
        if (payments.pay(charge) instanceof PaymentOutcome.Failed f) {
            throw CardDeclined.error(f, "The basket is payment_failed; its items keep their tickets until reserved_until.");
        }
        return baskets.get(caller, basketId);
    }

    /** Applies the recorded answer to an on-account charge; returns the refunds to make after the commit. */
    List<PaymentAttempt> chargeAnswered(PaymentAttempt charge, PaymentOutcome outcome) {
        Basket basket = repository.find(charge.owner().id(), true).orElseThrow();
        return switch (outcome) {
            case PaymentOutcome.Succeeded s -> booking.book(basket, s.reference(), BasketBooking.Paid.ON_ACCOUNT);
            case PaymentOutcome.Failed f -> {
                booking.paymentFailed(basket);
                yield List.of();
            }
            case PaymentOutcome.Unknown u -> List.of();
        };
    }

    /**
     * Acts on a PaymentIntent as the provider reports it now: paid books the basket, failed or cancelled makes it
     * {@code payment_failed}; anything else is still in the customer's hands. Safe to repeat, in any order.
     */
    public void settle(Intent intent) {
        String basketId = intent.metadata().get("basket_id");
        if (basketId == null) {
            return;
        }
        payments.payAll(transaction.execute(status -> {
            Basket basket = lockedForSettling(basketId).orElse(null);
            if (basket == null) {
                return List.of();
            }
            boolean current = intent.id().equals(basket.payment().intentId());
            if (intent.succeeded()) {
                if (current && (basket.pending() || basket.checkoutStatus() == CheckoutStatus.PAYMENT_FAILED)
                        && intent.amount().equals(basket.payment().amount())) {
                    return booking.book(basket, intent.id(), BasketBooking.Paid.BY_CUSTOMER);
                }
                if (current && basket.checkedOut() && intent.id().equals(basket.payment().reference())) {
                    return List.of(); // booked by this very payment already
                }
                return booking.refundUnclaimed(basket, intent); // e.g. the old total, paid after the basket changed
            }
            if (current && intent.failed()) {
                booking.paymentFailed(basket);
            }
            return List.of();
        }));
    }

    /** The basket, row-locked: two reports of one payment settle it one after the other. */
    Optional<Basket> lockedForSettling(String basketId) {
        return repository.find(basketId, true);
    }

    /** Starts the checkout under the basket's lock; returns the amount to pay. */
    private Money start(Basket basket, BasketBooking.Paid paidBy, String provider, int intentVersion) {
        Instant now = Instant.now(clock);
        transitions.expireItems(basket);
        List<Basket.Item> live = basket.live(now);
        if (live.isEmpty()) {
            throw ApiException.validation("items", "the basket has no reserved items to pay for");
        }
        live.forEach(item -> holds.extend(item.id(), HoldService.UNTIL_SETTLED));
        Money amount = Money.sum(basket.currency(), live.stream().map(Basket.Item::total).toList());
        transitions.startCheckout(basket, paidBy, provider, amount, intentVersion);
        return amount;
    }

    private Partner requireModel(CallingPartner caller, BillingModel model, String called, String instead) {
        Partner partner = partners.get(caller.partnerId());
        if (partner.billingModel() != model) {
            throw new ApiException(ErrorCode.BILLING_MODEL_MISMATCH, "This account is " + partner.billingModel().wire()
                    + ": " + called + " is for " + model.wire() + " partners; use " + instead);
        }
        return partner;
    }
}
