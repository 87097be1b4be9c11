package org.boxoffice.payment.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;

/** How a Stripe error is read: a refusal of the request itself (nothing happened), or no answer (anything may have). */
final class StripeErrors {

    private StripeErrors() {
    }

    /** Our request or keys were wrong: Stripe did nothing, and retrying the same will not help. */
    static boolean refused(StripeException e) {
        return e instanceof InvalidRequestException && !(e instanceof IdempotencyException)
                || e instanceof AuthenticationException || e instanceof PermissionException;
    }

    /** A call to stripe-java. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws StripeException;
    }

    /**
     * Runs a call, reading an answer stripe-java cannot parse (it throws a NullPointerException on a 500 with an empty
     * body, as a proxy in front of Stripe may send) as no answer: the attempt's outcome is then unknown, never a 500.
     */
    static <T> T readable(Call<T> call) throws StripeException {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw new ApiConnectionException("Stripe's answer could not be read: " + e.getMessage(), e);
        }
    }

    /** Why there is no answer, for the log and the {@code OutcomeUnknown} message. */
    static String noAnswer(StripeException e) {
        return (e instanceof ApiConnectionException ? "no connection or no answer" : "HTTP " + e.getStatusCode())
                + ", request " + e.getRequestId();
    }
}
