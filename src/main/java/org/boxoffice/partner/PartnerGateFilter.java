package org.boxoffice.partner;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.Callers;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.ErrorResponses;
import org.boxoffice.web.RateLimiter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of the partner API ({@code /v1}): authenticates the bearer token (except for the token endpoint itself),
 * then rate-limits per partner, or per address when nobody is authenticated. Every answer carries the
 * {@code RateLimit-*} headers, error answers included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PartnerGateFilter extends OncePerRequestFilter {
    static final String TOKEN_PATH = "/v1/auth/token";
    private final PartnerAuthenticator authenticator;
    private final RateLimiter limiter;
    private final RateLimits limits;
    private final ErrorResponses errors;

    PartnerGateFilter(PartnerAuthenticator authenticator, RateLimiter limiter, RateLimits limits, ErrorResponses errors) {
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.limits = limits;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals("/v1") || path.startsWith("/v1/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiException refusal = null;
        PartnerAuthenticator.Authenticated authenticated = null;
        try {
            if (!TOKEN_PATH.equals(request.getRequestURI())) {
                authenticated = authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
            }
        } catch (ApiException e) {
            refusal = e;
        } catch (DataAccessException e) {
            refusal = new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable; retry later");
        }
        RateLimiter.Decision decision = limiter.consume(authenticated == null
                ? policy("address:" + request.getRemoteAddr(), limits.anonymous())
                : policy("partner:" + authenticated.partner().id(), limits.of(authenticated.partner())));
        decision.writeHeaders(response);
        if (refusal != null) {
            errors.write(request, response, refusal);
        } else if (!decision.allowed()) {
            errors.write(request, response, ErrorCode.RATE_LIMIT_EXCEEDED,
                    "Too many requests; retry after " + decision.retryAfterSeconds() + " s", null);
        } else {
            if (authenticated != null) {
                request.setAttribute(CallingPartner.ATTRIBUTE, authenticated.caller());
                request.setAttribute(Callers.PARTNER_ID, authenticated.partner().id());
            }
            chain.doFilter(request, response);
        }
    }

    private static RateLimiter.Policy policy(String key, RateLimit limit) {
        return new RateLimiter.Policy(key, limit.requestsPerSecond(), limit.burst());
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
