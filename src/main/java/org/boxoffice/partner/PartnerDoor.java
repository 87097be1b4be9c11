package org.boxoffice.partner;

import jakarta.servlet.Filter;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/** What the security configuration needs to build the partner door ({@code /v1}), and nothing of how it works. */
@Component
public class PartnerDoor {
    public static final String TOKEN_PATH = "/v1/auth/token";
    private final AuthenticationManager authentication;
    private final ScopeAuthorization scopes;
    private final PartnerRateLimiting rateLimiting;

    PartnerDoor(PartnerTokenAuthentication tokens, ScopeAuthorization scopes, PartnerRateLimiting rateLimiting) {
        this.authentication = new ProviderManager(tokens);
        this.scopes = scopes;
        this.rateLimiting = rateLimiting;
    }

    /** Bearer JWT → partner, for the OAuth2 resource server's filter. */
    public AuthenticationManager authentication() {
        return authentication;
    }

    /** The token's scope against the handler's {@link RequiresScope}. */
    public AuthorizationManager<RequestAuthorizationContext> authorization() {
        return scopes;
    }

    /** Per-partner (shared) or per-address buckets, after authentication. */
    public Filter rateLimits() {
        return rateLimiting.filter();
    }

    /** The refusal, with the address bucket's {@code RateLimit-*} headers. */
    public AuthenticationEntryPoint entryPoint(AuthenticationEntryPoint refusal) {
        return rateLimiting.entryPoint(refusal);
    }
}
