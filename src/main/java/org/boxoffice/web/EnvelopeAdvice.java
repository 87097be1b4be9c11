package org.boxoffice.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Wraps what the API's controllers return in the success envelope; a {@link Page} adds pagination. */
@RestControllerAdvice(basePackages = "org.boxoffice")
class EnvelopeAdvice implements ResponseBodyAdvice<Object> {
    private final ErrorResponses errors;

    EnvelopeAdvice(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return !returnType.hasMethodAnnotation(RawBody.class)
                && !returnType.getContainingClass().isAnnotationPresent(RawBody.class);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof Envelope || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            return body;
        }
        HttpServletRequest servletRequest = ((ServletServerHttpRequest) request).getServletRequest();
        if (body instanceof Page<?> page) {
            return Envelope.ok(page.items(), page.pagination(), errors.meta(servletRequest));
        }
        return Envelope.ok(body, null, errors.meta(servletRequest));
    }
}
