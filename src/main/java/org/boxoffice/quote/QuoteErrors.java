package org.boxoffice.quote;

import java.time.Instant;
import java.util.Map;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;

/** The facts a quote can be refused for. */
public final class QuoteErrors {
    private QuoteErrors() {
    }

    public static ApiException notFound(String id) {
        return new ApiException(ErrorCode.QUOTE_NOT_FOUND, "No quote " + id);
    }

    public static ApiException expired(Quote quote) {
        return new ApiException(ErrorCode.QUOTE_EXPIRED, "The quote expired at " + quote.expiresAt() + "; request a new one",
                Map.of("quote_id", quote.id(), "expired_at", quote.expiresAt().toString()));
    }

    public static ApiException consumed(Quote quote) {
        return new ApiException(ErrorCode.QUOTE_ALREADY_CONSUMED, "Quote " + quote.id() + " has already been used for an order");
    }

    /** With the order it became ({@code details.order_id}), told only to the quote's own partner. */
    public static ApiException consumed(Quote quote, String orderId) {
        return orderId == null ? consumed(quote) : new ApiException(ErrorCode.QUOTE_ALREADY_CONSUMED, "Quote " + quote.id()
                + " has already been used for order " + orderId, Map.of("quote_id", quote.id(), "order_id", orderId));
    }

    /** {@code QUOTE_ALREADY_CONSUMED} or {@code QUOTE_EXPIRED} unless the quote can still become an order. */
    public static void requireUsable(Quote quote, Instant now) {
        switch (quote.status(now)) {
            case CONSUMED -> throw consumed(quote);
            case EXPIRED -> throw expired(quote);
            case ACTIVE -> {
            }
        }
    }
}
