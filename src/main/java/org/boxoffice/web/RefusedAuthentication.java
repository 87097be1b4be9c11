package org.boxoffice.web;

import org.springframework.security.core.AuthenticationException;

/** An authentication refused for a reason the catalogue names (expired, suspended, database away, …). */
public class RefusedAuthentication extends AuthenticationException {
    private final ErrorCode code;

    public RefusedAuthentication(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
