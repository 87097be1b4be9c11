package org.boxoffice.partner;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The partner door's authorization: an authenticated partner whose token has the scope that the handler the request
 * routes to declares with {@link RequiresScope} (on the method or its controller). Decided in Spring Security's
 * authorization filter, before the body is read, on the path routing uses. A path no handler serves only needs a
 * partner (it then answers 404 or 405).
 */
@Component
class ScopeAuthorization implements AuthorizationManager<RequestAuthorizationContext> {
    private final ObjectProvider<RequestMappingHandlerMapping> handlers;

    ScopeAuthorization(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers) {
        this.handlers = handlers;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof PartnerAuthentication partner)) {
            return new AuthorizationDecision(false);
        }
        String scope = requiredScope(context.getRequest());
        return new AuthorizationDecision(scope == null || partner.hasScope(scope));
    }

    private String requiredScope(HttpServletRequest request) {
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            HandlerExecutionChain chain = handlers.getObject().getHandler(request);
            if (chain == null || !(chain.getHandler() instanceof HandlerMethod method)) {
                return null;
            }
            RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
            if (required == null) {
                required = method.getBeanType().getAnnotation(RequiresScope.class);
            }
            return required == null ? null : required.value();
        } catch (Exception e) {
            return null; // no handler for this method or media type: MVC answers 405 / 415 / 406 itself
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
