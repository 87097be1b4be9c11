package org.boxoffice.operator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.ErrorResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** The door of the operator API ({@code /admin/v1}): only the operator key passes; partner tokens do not. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OperatorGateFilter extends OncePerRequestFilter {
    private final OperatorKeys keys;
    private final ErrorResponses errors;

    OperatorGateFilter(OperatorKeys keys, ErrorResponses errors) {
        this.keys = keys;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals("/admin") || path.startsWith("/admin/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        try {
            if (bearer && keys.verify(authorization.substring(7).trim())) {
                chain.doFilter(request, response);
                return;
            }
        } catch (DataAccessException e) {
            errors.write(request, response, ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable; retry later", null);
            return;
        }
        errors.write(request, response, ErrorCode.UNAUTHORIZED, "The operator key is required as a bearer token", null);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
