package org.boxoffice.web;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets list handlers take a {@link PageRequest} parameter, read from {@code limit} and {@code offset}. */
@Component
public class PageRequestResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageRequest.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return PageRequest.of(integer(request, "limit"), (long) integerOr(request, "offset", 0));
    }

    private static Integer integer(NativeWebRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation(name, name + " must be a whole number");
        }
    }

    private static int integerOr(NativeWebRequest request, String name, int fallback) {
        Integer value = integer(request, name);
        return value == null ? fallback : value;
    }
}
