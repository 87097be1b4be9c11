package org.boxoffice.web;

import org.springframework.http.HttpStatus;

/** The error catalogue of API.md §10: every error a client can see. */
public enum ErrorCode {
    VALIDATION_ERROR(HttpStatus.BAD_REQUEST),
    UNSUPPORTED_GRANT_TYPE(HttpStatus.BAD_REQUEST),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED),
    PAYMENT_FAILED(HttpStatus.PAYMENT_REQUIRED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    ACCOUNT_SUSPENDED(HttpStatus.FORBIDDEN),
    PAYMENT_NOT_CONFIGURED(HttpStatus.FORBIDDEN),
    BILLING_MODEL_MISMATCH(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    EVENT_NOT_FOUND(HttpStatus.NOT_FOUND),
    VENUE_NOT_FOUND(HttpStatus.NOT_FOUND),
    PERFORMER_NOT_FOUND(HttpStatus.NOT_FOUND),
    SECTION_NOT_FOUND(HttpStatus.NOT_FOUND),
    ROW_NOT_FOUND(HttpStatus.NOT_FOUND),
    QUOTE_NOT_FOUND(HttpStatus.NOT_FOUND),
    ORDER_NOT_FOUND(HttpStatus.NOT_FOUND),
    BASKET_NOT_FOUND(HttpStatus.NOT_FOUND),
    ITEM_NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT),
    BASKET_STATUS_CONFLICT(HttpStatus.CONFLICT),
    /** Not in API.md §10: an operator transition the order's current status does not allow. */
    ORDER_STATUS_CONFLICT(HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** Not in API.md §10: an Accept header nothing here can satisfy. */
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    NO_INVENTORY_AVAILABLE(HttpStatus.UNPROCESSABLE_CONTENT),
    EVENT_NOT_ON_SALE(HttpStatus.UNPROCESSABLE_CONTENT),
    QUOTE_EXPIRED(HttpStatus.UNPROCESSABLE_CONTENT),
    QUOTE_ALREADY_CONSUMED(HttpStatus.UNPROCESSABLE_CONTENT),
    INVALID_DELIVERY_DEADLINE(HttpStatus.UNPROCESSABLE_CONTENT),
    DELIVERY_TYPE_NOT_SUPPORTED(HttpStatus.UNPROCESSABLE_CONTENT),
    BASKET_ITEM_LIMIT(HttpStatus.UNPROCESSABLE_CONTENT),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT),
    RATE_LIMIT_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
