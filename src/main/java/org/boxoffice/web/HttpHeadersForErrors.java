package org.boxoffice.web;

import java.util.function.BiConsumer;

/** Headers some errors must carry whoever renders them. */
final class HttpHeadersForErrors {
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    private HttpHeadersForErrors() {
    }

    static void apply(ErrorCode code, BiConsumer<String, String> header) {
        switch (code) {
            case UNAUTHORIZED, TOKEN_EXPIRED -> header.accept("WWW-Authenticate", "Bearer");
            case INVALID_CREDENTIALS -> header.accept("WWW-Authenticate", "Basic realm=\"boxoffice\"");
            case SERVICE_UNAVAILABLE -> header.accept("Retry-After", DATABASE_RETRY_AFTER_SECONDS);
            default -> {
            }
        }
    }
}
