package org.boxoffice.partner;

/** A partner's sustained request rate and the burst its bucket holds. */
public record RateLimit(int requestsPerSecond, int burst) {
}
