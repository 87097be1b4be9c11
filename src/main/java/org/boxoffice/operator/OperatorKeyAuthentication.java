package org.boxoffice.operator;

import java.util.List;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.RefusedAuthentication;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/** The operator door's {@link AuthenticationProvider}: the operator key as a bearer token, and nothing else. */
@Component
public class OperatorKeyAuthentication implements AuthenticationProvider {
    public static final String ROLE = "ROLE_OPERATOR";
    private final OperatorKeys keys;

    OperatorKeyAuthentication(OperatorKeys keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        boolean valid;
        try {
            valid = keys.verify(((BearerTokenAuthenticationToken) authentication).getToken());
        } catch (DataAccessException e) {
            throw new RefusedAuthentication(ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable; retry later");
        }
        if (!valid) {
            throw new RefusedAuthentication(ErrorCode.UNAUTHORIZED, "The operator key is required as a bearer token");
        }
        return UsernamePasswordAuthenticationToken.authenticated("operator", null, List.of(new SimpleGrantedAuthority(ROLE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
