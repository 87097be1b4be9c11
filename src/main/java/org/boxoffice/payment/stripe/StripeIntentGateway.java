package org.boxoffice.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentUpdateParams;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.boxoffice.payment.IntentStatus;
import org.boxoffice.payment.CardGateway.OutcomeUnknown;
import org.boxoffice.payment.IntentGateway;

/**
 * PaymentIntents through Stripe for baskets paid by the end customer: automatic payment methods (cards with
 * 3-D Secure through Stripe.js on the partner's page), metadata naming the basket and partner, the receipt e-mail
 * passed through to Stripe and kept nowhere here.
 */
public class StripeIntentGateway implements IntentGateway {
    private final StripeClient stripe;
    private final String publishableKey;

    public StripeIntentGateway(StripeClient stripe, String publishableKey) {
        this.stripe = stripe;
        this.publishableKey = publishableKey;
    }

    @Override
    public String provider() {
        return "stripe";
    }

    @Override
    public String publishableKey() {
        return publishableKey;
    }

    @Override
    public Intent create(String idempotencyKey, long amountMinor, String currency, Map<String, String> metadata,
                         String receiptEmail, String description) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(amountMinor).setCurrency(currency.toLowerCase(Locale.ROOT))
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true)
                        .build())
                .putAllMetadata(metadata).setDescription(description);
        if (receiptEmail != null) {
            params.setReceiptEmail(receiptEmail);
        }
        try {
            return intent(StripeErrors.readable(() -> stripe.v1().paymentIntents().create(params.build(),
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build())));
        } catch (StripeException e) {
            throw failure("create a payment intent", e);
        }
    }

    @Override
    public Optional<Intent> updateAmount(String intentId, long amountMinor) {
        try {
            return Optional.of(intent(StripeErrors.readable(() -> stripe.v1().paymentIntents().update(intentId,
                    PaymentIntentUpdateParams.builder().setAmount(amountMinor).build()))));
        } catch (InvalidRequestException e) {
            return pastThat(e);
        } catch (StripeException e) {
            throw failure("update payment intent " + intentId, e);
        }
    }

    @Override
    public Intent retrieve(String intentId) {
        try {
            return intent(StripeErrors.readable(() -> stripe.v1().paymentIntents().retrieve(intentId)));
        } catch (StripeException e) {
            throw failure("retrieve payment intent " + intentId, e);
        }
    }

    @Override
    public Optional<Intent> cancel(String intentId) {
        try {
            return Optional.of(intent(StripeErrors.readable(() -> stripe.v1().paymentIntents().cancel(intentId,
                    PaymentIntentCancelParams.builder()
                            .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build()))));
        } catch (InvalidRequestException e) {
            return pastThat(e);
        } catch (StripeException e) {
            throw failure("cancel payment intent " + intentId, e);
        }
    }

    @Override
    public Optional<String> checkoutUrl(Intent intent) {
        return Optional.empty(); // the partner's own page confirms with Stripe.js
    }

    /** Stripe refuses an update or cancel of an intent in the wrong state with a 400; anything else is a real error. */
    private static Optional<Intent> pastThat(InvalidRequestException e) {
        if (e.getStatusCode() == null || e.getStatusCode() != 400) {
            throw failure("change a payment intent", e);
        }
        return Optional.empty();
    }

    static Intent intent(PaymentIntent pi) {
        var error = pi.getLastPaymentError();
        return new Intent(pi.getId(), pi.getClientSecret(), IntentStatus.of(pi.getStatus()), pi.getAmount(),
                pi.getCurrency() == null ? null : pi.getCurrency().toUpperCase(Locale.ROOT),
                pi.getMetadata() == null ? Map.of() : pi.getMetadata(),
                error == null ? null : error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode(),
                error == null ? null : error.getMessage());
    }

    private static RuntimeException failure(String what, StripeException e) {
        if (StripeErrors.refused(e)) {
            return new Refused("stripe refused to " + what + ": " + e.getMessage(), e);
        }
        return new OutcomeUnknown("stripe: could not " + what + " (" + StripeErrors.noAnswer(e) + ")", e);
    }
}
