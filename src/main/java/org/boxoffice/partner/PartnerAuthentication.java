package org.boxoffice.partner;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated partner token: the caller, its effective rate limit, and its scopes as {@code SCOPE_…} authorities. */
final class PartnerAuthentication extends AbstractAuthenticationToken {
    static final String SCOPE_PREFIX = "SCOPE_";
    private final CallingPartner caller;
    private final transient RateLimit rateLimit;

    PartnerAuthentication(CallingPartner caller, RateLimit rateLimit) {
        super(caller.scopes().stream().map(scope -> new SimpleGrantedAuthority(SCOPE_PREFIX + scope)).toList());
        this.caller = caller;
        this.rateLimit = rateLimit;
        setAuthenticated(true);
    }

    @Override
    public CallingPartner getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.partnerId();
    }

    RateLimit rateLimit() {
        return rateLimit;
    }

    boolean hasScope(String scope) {
        return caller.scopes().contains(scope); // the same set the SCOPE_ authorities are made from
    }
}
