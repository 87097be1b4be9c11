package org.boxoffice.web;

/** {@code limit} (1..100, default 20) and {@code offset} (>= 0) of a list request. */
public record PageRequest(int limit, long offset) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(Integer limit, Long offset) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        long o = offset == null ? 0 : offset;
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiException.validation("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (o < 0) {
            throw ApiException.validation("offset", "offset must be 0 or more");
        }
        return new PageRequest(l, o);
    }
}
