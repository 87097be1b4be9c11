package org.boxoffice.partner;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ClientAddresses;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.ErrorResponses;
import org.boxoffice.web.RateLimiter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits of the partner API: per partner once authenticated (the bucket all nodes share), per client address
 * otherwise (the token endpoint, and refused credentials). Every {@code /v1} answer carries the {@code RateLimit-*}
 * headers, refusals included.
 */
@Component
class PartnerRateLimiting {
    private final RateLimiter limiter;
    private final RateLimits limits;
    private final ClientAddresses addresses;
    private final ErrorResponses errors;

    PartnerRateLimiting(RateLimiter limiter, RateLimits limits, ClientAddresses addresses, ErrorResponses errors) {
        this.limiter = limiter;
        this.limits = limits;
        this.addresses = addresses;
        this.errors = errors;
    }

    /** Goes after authentication: takes one token from the caller's bucket, or answers {@code 429}. */
    Filter filter() {
        return new RateLimitFilter();
    }

    /** A named class: Spring Security orders filters by class. */
    final class RateLimitFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            RateLimiter.Decision decision;
            try {
                decision = consume(request);
            } catch (ApiException e) {
                errors.write(request, response, e);
                return;
            }
            decision.writeHeaders(response);
            if (decision.allowed()) {
                chain.doFilter(request, response);
            } else {
                errors.write(request, response, ErrorCode.RATE_LIMIT_EXCEEDED,
                        "Too many requests; retry after " + decision.retryAfterSeconds() + " s", null);
            }
        }
    }

    /** Refused credentials count against the caller's address, and their answer carries its headers too. */
    AuthenticationEntryPoint entryPoint(AuthenticationEntryPoint refusal) {
        return (request, response, e) -> {
            anonymous(request).writeHeaders(response);
            refusal.commence(request, response, e);
        };
    }

    private RateLimiter.Decision consume(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof PartnerAuthentication partner) {
            RateLimit limit = partner.rateLimit();
            return limiter.consumeShared(new RateLimiter.Policy("partner:" + partner.getName(),
                    limit.requestsPerSecond(), limit.burst()));
        }
        return anonymous(request);
    }

    private RateLimiter.Decision anonymous(HttpServletRequest request) {
        RateLimit limit = limits.anonymous();
        return limiter.consumeLocal(new RateLimiter.Policy("address:" + addresses.of(request),
                limit.requestsPerSecond(), limit.burst()));
    }
}
