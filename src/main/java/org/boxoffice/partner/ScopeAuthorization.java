package org.boxoffice.partner;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The partner door's authorization: an authenticated partner whose token has the scope that the handler the request
 * routes to declares with {@link RequiresScope} (on the method or its controller). Decided in Spring Security's
 * authorization filter, before the body is read, on the decoded path routing uses, against the same path patterns
 * Spring MVC maps (read once from its handler mapping). A path no handler serves only needs a partner (it then
 * answers 404 or 405).
 */
@Component
class ScopeAuthorization implements AuthorizationManager<RequestAuthorizationContext> {
    private final ObjectProvider<RequestMappingHandlerMapping> handlers;
    private volatile List<Rule> rules;

    ScopeAuthorization(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers) {
        this.handlers = handlers;
    }

    private record Rule(PathPattern pattern, Set<RequestMethod> methods, String scope) {
        boolean matches(String method, PathContainer path) {
            return (methods.isEmpty() || methods.stream().anyMatch(m -> m.name().equals(method))) && pattern.matches(path);
        }
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
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        for (Rule rule : rules()) { // most specific first, as Spring MVC chooses
            if (rule.matches(request.getMethod(), path)) {
                return rule.scope();
            }
        }
        return null;
    }

    private List<Rule> rules() {
        List<Rule> known = rules;
        if (known == null) {
            List<Rule> built = new ArrayList<>();
            handlers.getObject().getHandlerMethods().forEach((info, method) -> {
                String scope = scopeOf(method);
                if (scope != null && info.getPathPatternsCondition() != null) {
                    info.getPathPatternsCondition().getPatterns().forEach(pattern ->
                            built.add(new Rule(pattern, methods(info), scope)));
                }
            });
            built.sort(Comparator.comparing(Rule::pattern, PathPattern.SPECIFICITY_COMPARATOR));
            rules = known = List.copyOf(built);
        }
        return known;
    }

    private static Set<RequestMethod> methods(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods();
    }

    private static String scopeOf(HandlerMethod method) {
        RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
        if (required == null) {
            required = method.getBeanType().getAnnotation(RequiresScope.class);
        }
        return required == null ? null : required.value();
    }
}
