package org.boxoffice.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.SQLException;
import org.boxoffice.shared.WireEnum;
import org.springframework.dao.DataAccessException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.TransactionException;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/** Maps every failure to the catalogue: clients never see a stack trace or an uncatalogued status. */
@RestControllerAdvice
class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final ErrorResponses errors;

    ApiExceptionHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Envelope> api(ApiException e, HttpServletRequest request) {
        return respond(request, e.code(), e.getMessage(), e.details());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Envelope> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, Object>> fields = e.getBindingResult().getFieldErrors().stream()
                .map(this::field).toList();
        return respond(request, ErrorCode.VALIDATION_ERROR, "The request has invalid fields", Map.of("fields", fields));
    }

    @ExceptionHandler({HandlerMethodValidationException.class, ConstraintViolationException.class})
    ResponseEntity<Envelope> invalidParameters(Exception e, HttpServletRequest request) {
        return respond(request, ErrorCode.VALIDATION_ERROR, "The request has invalid parameters", null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Envelope> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        ApiException cause = apiCause(e);
        if (cause != null) {
            return api(cause, request);
        }
        return respond(request, ErrorCode.VALIDATION_ERROR, "The request body is missing or is not valid JSON of the expected shape", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Envelope> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String name = e.getName();
        if (e.getRequiredType() != null && WireEnum.class.isAssignableFrom(e.getRequiredType())) {
            return api(ApiException.validation(name, name + " must be one of " + wireValues(e.getRequiredType())),
                    request);
        }
        return respond(request, ErrorCode.VALIDATION_ERROR, "Parameter '" + name + "' has an invalid value",
                Map.of("fields", List.of(Map.of("field", name, "message", "invalid value"))));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class})
    ResponseEntity<Envelope> missing(Exception e, HttpServletRequest request) {
        return respond(request, ErrorCode.VALIDATION_ERROR, e.getMessage(), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Envelope> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(request, ErrorCode.NOT_FOUND, "No such path: " + request.getRequestURI(), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Envelope> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ResponseEntity<Envelope> response = respond(request, ErrorCode.METHOD_NOT_ALLOWED,
                "Method " + e.getMethod() + " is not allowed here", null);
        return e.getSupportedHttpMethods() == null ? response
                : ResponseEntity.status(response.getStatusCode()).allow(e.getSupportedHttpMethods().toArray(new org.springframework.http.HttpMethod[0]))
                .body(response.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Envelope> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(request, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Content type " + e.getContentType() + " is not supported; supported: " + e.getSupportedMediaTypes(), null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Envelope> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(request, ErrorCode.NOT_ACCEPTABLE, "None of the accepted media types can be produced", null);
    }

    /**
     * The database away (see {@link DatabaseOutage}) is 503; SQL state class 22, "data exception", is a value the
     * database cannot take (a NUL character, say) that came from the request; anything else is unexpected.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Envelope> database(RuntimeException e, HttpServletRequest request) {
        if (DatabaseOutage.causes(e)) {
            log.warn("database unavailable: {}", e.getMessage());
            return respond(request, ErrorCode.SERVICE_UNAVAILABLE, DatabaseOutage.unavailable().getMessage(), null);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return respond(request, ErrorCode.VALIDATION_ERROR, "A value in the request cannot be stored or searched "
                        + "(for example a NUL character)", null);
            }
        }
        return unexpected(e, request);
    }

    /** The firewall checks parameter names only when they are read (a form body): still a malformed request. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Envelope> rejected(RequestRejectedException e, HttpServletRequest request) {
        return respond(request, ErrorCode.VALIDATION_ERROR, "The request has names or values that are not allowed", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Envelope> unexpected(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) { // the client went away: nobody to answer
            log.debug("client disconnected on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            return null;
        }
        ApiException cause = apiCause(e);
        if (cause != null) {
            return api(cause, request);
        }
        if (DatabaseOutage.causes(e)) { // the same, wrapped in something else
            log.warn("database unavailable: {}", e.getMessage());
            return respond(request, ErrorCode.SERVICE_UNAVAILABLE, DatabaseOutage.unavailable().getMessage(), null);
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, ErrorCode.INTERNAL_ERROR, "An unexpected error occurred; retry once, then contact support with the request id", null);
    }

    private ResponseEntity<Envelope> respond(HttpServletRequest request, ErrorCode code, String message,
                                             Map<String, Object> details) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(code.status());
        HttpHeadersForErrors.apply(code, (name, value) -> builder.header(name, value));
        return builder.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(errors.failure(request, code, message, details));
    }

    private Map<String, Object> field(FieldError error) {
        return Map.of("field", snakeCase(error.getField()),
                "message", error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage());
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static ApiException apiCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String wireValues(Class<?> type) {
        return WireEnum.allowed((Class) type);
    }
}
