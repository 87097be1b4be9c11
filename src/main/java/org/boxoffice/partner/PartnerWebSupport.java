package org.boxoffice.partner;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;

/** Gives handlers their {@link CallingPartner} and enforces {@link RequiresScope}. */
@Component
public class PartnerWebSupport implements HandlerMethodArgumentResolver, HandlerInterceptor {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CallingPartner.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Object caller = request.getAttribute(CallingPartner.ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST);
        if (caller == null) {
            throw TokenService.unauthorized();
        }
        return caller;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
            if (required == null) {
                required = method.getBeanType().getAnnotation(RequiresScope.class);
            }
            Object caller = request.getAttribute(CallingPartner.ATTRIBUTE);
            if (required != null && (!(caller instanceof CallingPartner partner)
                    || !partner.scopes().contains(required.value()))) {
                throw new ApiException(ErrorCode.FORBIDDEN, "This token lacks the scope " + required.value());
            }
        }
        return true;
    }
}
