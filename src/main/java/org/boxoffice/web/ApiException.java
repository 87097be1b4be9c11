package org.boxoffice.web;

import java.util.Map;

/**
 * A failure a client can act on, rendered with its catalogue code. Features subclass it with names
 * that state the fact ({@code EventNotFound}); the handler renders any of them the same way.
 */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ApiException(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = details;
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, message,
                Map.of("fields", java.util.List.of(Map.of("field", field, "message", message))));
    }
}
