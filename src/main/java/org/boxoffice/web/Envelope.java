package org.boxoffice.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/** The response envelope of API.md §1, for success and failure alike. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(boolean success, Object data, Error error, Pagination pagination, Meta meta) {

    public record Meta(String requestId, Instant timestamp) {
    }

    public record Pagination(long total, int limit, long offset, boolean hasMore) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, Map<String, Object> details) {
    }

    public static Envelope ok(Object data, Pagination pagination, Meta meta) {
        return new Envelope(true, data, null, pagination, meta);
    }

    public static Envelope failure(ErrorCode code, String message, Map<String, Object> details, Meta meta) {
        return new Envelope(false, null, new Error(code.name(), message, details), null, meta);
    }
}
