package org.boxoffice.partner;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.RefusedAuthentication;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The partner door's {@link AuthenticationProvider}: a bearer JWT (verified by {@link TokenService#decoder()}) becomes
 * a {@link PartnerAuthentication} once the partner exists, is active and the token's version is still current. The
 * partner is re-read at most every {@code boxoffice.auth.recheck-seconds}, which bounds how long a suspension or a
 * secret rotation made on another node takes to reach this one. A token string once verified is remembered (its
 * claims, for at most its lifetime), so a busy partner's repeated token costs no HMAC or parsing per request; its
 * expiry is still checked against the clock on every use.
 */
@Component
class PartnerTokenAuthentication implements AuthenticationProvider {
    private final TokenService tokens;
    private final PartnerAccessCache access;
    private final RateLimits limits;
    private final Clock clock;
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(TokenService.LIFETIME).build();

    PartnerTokenAuthentication(TokenService tokens, PartnerAccessCache access, RateLimits limits, Clock clock) {
        this.tokens = tokens;
        this.access = access;
        this.limits = limits;
        this.clock = clock;
    }

    /** What a verified token says. */
    private record Verified(String partnerId, int version, Set<String> scopes, Instant expiresAt) {
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        Verified claims = verified.getIfPresent(token);
        if (claims == null) {
            claims = verify(token);
            verified.put(token, claims);
        } else if (!Instant.now(clock).isBefore(claims.expiresAt())) {
            throw expired();
        }
        Partner partner = partner(claims.partnerId());
        if (partner.status() == PartnerStatus.SUSPENDED) {
            throw new RefusedAuthentication(ErrorCode.ACCOUNT_SUSPENDED, "This partner account is suspended; contact Boxoffice");
        }
        if (claims.version() != partner.tokenVersion()) {
            throw unauthorized("The access token has been revoked; request a new one");
        }
        return new PartnerAuthentication(new CallingPartner(partner.id(), partner.clientId(), claims.scopes(),
                partner.billingModel()), limits.of(partner));
    }

    private Verified verify(String token) {
        Jwt jwt = decode(token);
        Object version = jwt.getClaims().get("ver");
        String scope = jwt.getClaimAsString("scope");
        if (jwt.getSubject() == null || !(version instanceof Number number) || scope == null) {
            throw unauthorized("A valid bearer token is required");
        }
        return new Verified(jwt.getSubject(), number.intValue(), Set.copyOf(Scope.parse(scope)), jwt.getExpiresAt());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private Jwt decode(String token) {
        try {
            return tokens.decoder().decode(token);
        } catch (JwtValidationException e) {
            boolean expired = e.getErrors().stream().anyMatch(error -> TokenService.EXPIRED.equals(error.getErrorCode()));
            throw expired ? expired() : unauthorized("A valid bearer token is required");
        } catch (JwtException e) {
            throw unauthorized("A valid bearer token is required");
        }
    }

    private Partner partner(String partnerId) {
        try {
            return access.get(partnerId).orElseThrow(() -> unauthorized("A valid bearer token is required"));
        } catch (DataAccessException e) {
            throw new RefusedAuthentication(ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable; retry later");
        }
    }

    private static RefusedAuthentication expired() {
        return new RefusedAuthentication(ErrorCode.TOKEN_EXPIRED, "The access token has expired; request a new one");
    }

    private static RefusedAuthentication unauthorized(String message) {
        return new RefusedAuthentication(ErrorCode.UNAUTHORIZED, message);
    }
}
