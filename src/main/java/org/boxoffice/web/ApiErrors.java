package org.boxoffice.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The catalogue errors a handler can answer besides those its path implies (authentication, rate limits,
 * malformed requests), for the OpenAPI document.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiErrors {
    ErrorCode[] value();
}
