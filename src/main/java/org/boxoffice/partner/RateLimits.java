package org.boxoffice.partner;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The configured default rate limits and each partner's effective one. */
@Component
class RateLimits {
    private final RateLimit partnerDefault;
    private final RateLimit anonymous;

    RateLimits(@Value("${boxoffice.rate-limit.requests-per-second:100}") int rps,
               @Value("${boxoffice.rate-limit.burst:200}") int burst,
               @Value("${boxoffice.rate-limit.anonymous-requests-per-second:20}") int anonymousRps,
               @Value("${boxoffice.rate-limit.anonymous-burst:40}") int anonymousBurst) {
        this.partnerDefault = new RateLimit(rps, burst);
        this.anonymous = new RateLimit(anonymousRps, anonymousBurst);
    }

    RateLimit of(Partner partner) {
        return partner.rateLimitOverride() != null ? partner.rateLimitOverride() : partnerDefault;
    }

    RateLimit anonymous() {
        return anonymous;
    }
}
