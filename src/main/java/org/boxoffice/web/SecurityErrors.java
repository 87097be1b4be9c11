package org.boxoffice.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * How Spring Security's refusals answer: in the envelope, with the request id and the catalogue code. A missing or
 * bad credential is {@code 401 UNAUTHORIZED} (with {@code WWW-Authenticate: Bearer}) unless the refusal names its
 * own code; a missing scope is {@code 403 FORBIDDEN}; a path the firewall refuses is {@code 400 VALIDATION_ERROR}.
 */
@Component
public class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {
    private final ErrorResponses errors;

    SecurityErrors(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof RefusedAuthentication refused) {
            errors.write(request, response, refused.code(), refused.getMessage(), null);
        } else {
            errors.write(request, response, ErrorCode.UNAUTHORIZED, "Valid credentials are required for this path", null);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        errors.write(request, response, ErrorCode.FORBIDDEN, "These credentials do not allow this call", null);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        errors.write(request, response, ErrorCode.VALIDATION_ERROR, "Only normalized paths are served: no ';' parameters, "
                + "encoded '/', '.', '%' or '\\', '//', or '.'/'..' segments", null);
    }
}
