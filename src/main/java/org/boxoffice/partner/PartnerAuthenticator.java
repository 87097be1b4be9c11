package org.boxoffice.partner;

import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.springframework.stereotype.Component;

/** Turns an {@code Authorization} header into the calling partner, or the catalogue error that says why not. */
@Component
class PartnerAuthenticator {
    private static final String BEARER = "Bearer ";
    private final TokenService tokens;
    private final PartnerAccessCache access;

    PartnerAuthenticator(TokenService tokens, PartnerAccessCache access) {
        this.tokens = tokens;
        this.access = access;
    }

    record Authenticated(CallingPartner caller, Partner partner) {
    }

    Authenticated authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw TokenService.unauthorized();
        }
        TokenService.Claims claims = tokens.verify(authorization.substring(BEARER.length()).trim());
        Partner partner = access.get(claims.partnerId()).orElseThrow(TokenService::unauthorized);
        if (partner.status() == PartnerStatus.SUSPENDED) {
            throw suspended();
        }
        if (claims.tokenVersion() != partner.tokenVersion()) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "The access token has been revoked; request a new one");
        }
        return new Authenticated(new CallingPartner(partner.id(), partner.clientId(), claims.scopes(),
                partner.billingModel()), partner);
    }

    static ApiException suspended() {
        return new ApiException(ErrorCode.ACCOUNT_SUSPENDED, "This partner account is suspended; contact Boxoffice");
    }
}
