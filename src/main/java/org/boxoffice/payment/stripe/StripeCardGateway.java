package org.boxoffice.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.boxoffice.payment.CardGateway;
import org.boxoffice.payment.PaymentAttempt;

/**
 * The card on file through Stripe: an off-session PaymentIntent confirmed at once on the partner's saved
 * PaymentMethod (stored as {@code cus_...:pm_...}), with our attempt id as idempotency key and in the metadata.
 * A decline (including {@code authentication_required}) is a failure with Stripe's code; no answer (timeouts,
 * 5xx, 429) is {@link OutcomeUnknown}. Looking up a lost answer replays the request under the same key, which Stripe
 * answers with the original result (or performs it once, if it never arrived) — but only while Stripe still keeps the
 * key (24 h): after that a replay could charge a second time, so an older attempt is only searched for, read-only.
 */
public class StripeCardGateway implements CardGateway {
    /** Stripe keeps idempotency keys at least 24 hours; replays stay well inside that. */
    static final Duration REPLAY_WINDOW = Duration.ofHours(23);
    private final StripeClient stripe;
    private final Clock clock;

    public StripeCardGateway(StripeClient stripe, Clock clock) {
        this.stripe = stripe;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return "stripe";
    }

    @Override
    public ProviderResult charge(PaymentAttempt attempt) {
        String key = attempt.id();
        String[] saved = attempt.paymentMethod().split(":", 2);
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(attempt.amountMinor()).setCurrency(attempt.currency().toLowerCase(Locale.ROOT))
                .setCustomer(saved[0]).setPaymentMethod(saved[1])
                .setOffSession(true).setConfirm(true)
                .setDescription(attempt.description()).putMetadata("attempt_id", key)
                .build();
        try {
            return intentResult(StripeErrors.readable(() -> stripe.v1().paymentIntents().create(params, options(key))));
        } catch (CardException e) {
            return ProviderResult.failed(e.getStripeError() != null && e.getStripeError().getPaymentIntent() != null
                    ? e.getStripeError().getPaymentIntent().getId() : null, declineCode(e), e.getStripeError() == null
                    ? e.getMessage() : e.getStripeError().getMessage());
        } catch (StripeException e) {
            return refusedOrUnknown(e);
        }
    }

    @Override
    public ProviderResult refund(PaymentAttempt attempt) {
        String key = attempt.id();
        RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(attempt.paymentMethod())
                .setAmount(attempt.amountMinor())
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER).putMetadata("attempt_id", key).build();
        try {
            Refund refund = StripeErrors.readable(() -> stripe.v1().refunds().create(params, options(key)));
            return switch (refund.getStatus()) {
                case "succeeded", "pending" -> ProviderResult.succeeded(refund.getId());
                default -> ProviderResult.failed(refund.getId(), "refund_" + refund.getStatus(), refund.getFailureReason());
            };
        } catch (StripeException e) {
            return refusedOrUnknown(e);
        }
    }

    @Override
    public Optional<ProviderResult> lookup(PaymentAttempt original) {
        if (original.createdAt().isBefore(clock.instant().minus(REPLAY_WINDOW))) {
            return inspect(original);
        }
        return Optional.of(original.kind() == PaymentAttempt.Kind.CHARGE ? charge(original) : refund(original));
    }

    /** Read-only: finds the PaymentIntent (or refund) made for the attempt by the attempt id in its metadata. */
    @Override
    public Optional<ProviderResult> inspect(PaymentAttempt original) {
        try {
            if (original.kind() == PaymentAttempt.Kind.CHARGE) {
                return StripeErrors.readable(() -> stripe.v1().paymentIntents().search(PaymentIntentSearchParams.builder()
                                .setQuery("metadata['attempt_id']:'" + original.id() + "'").build()))
                        .getData().stream().findFirst().map(StripeCardGateway::intentResult);
            }
            return StripeErrors.readable(() -> stripe.v1().refunds().list(RefundListParams.builder()
                            .setPaymentIntent(original.paymentMethod()).setLimit(100L).build())).getData().stream()
                    .filter(r -> r.getMetadata() != null && original.id().equals(r.getMetadata().get("attempt_id")))
                    .findFirst().map(r -> "failed".equals(r.getStatus()) || "canceled".equals(r.getStatus())
                            ? ProviderResult.failed(r.getId(), "refund_" + r.getStatus(), r.getFailureReason())
                            : ProviderResult.succeeded(r.getId()));
        } catch (StripeException e) {
            throw new OutcomeUnknown("stripe: could not search for attempt " + original.id(), e);
        }
    }

    private static ProviderResult intentResult(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" -> ProviderResult.succeeded(intent.getId());
            case "processing" -> throw new OutcomeUnknown("stripe: payment intent " + intent.getId() + " is processing", null);
            case "requires_action" -> ProviderResult.failed(intent.getId(), "authentication_required",
                    "The card needs the customer to authenticate; off-session charges cannot do that");
            default -> ProviderResult.failed(intent.getId(), intent.getLastPaymentError() == null ? intent.getStatus()
                    : intent.getLastPaymentError().getCode(), intent.getLastPaymentError() == null ? null
                    : intent.getLastPaymentError().getMessage());
        };
    }

    /** Refusals that mean "not done" (our request or keys were wrong) fail; anything else has no answer yet. */
    private static ProviderResult refusedOrUnknown(StripeException e) {
        if (StripeErrors.refused(e)) {
            return ProviderResult.failed(null, "stripe_" + (e.getCode() == null ? "request_refused" : e.getCode()),
                    e.getMessage());
        }
        throw new OutcomeUnknown("stripe: " + StripeErrors.noAnswer(e), e);
    }

    private static String declineCode(CardException e) {
        return e.getDeclineCode() != null ? e.getDeclineCode() : e.getCode() != null ? e.getCode() : "card_declined";
    }

    private static RequestOptions options(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }
}
