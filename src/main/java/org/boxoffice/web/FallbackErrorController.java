package org.boxoffice.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors raised outside Spring MVC (by the servlet container) still answer with the envelope. */
@Hidden
@RestController
class FallbackErrorController implements ErrorController {
    private final ErrorResponses errors;

    FallbackErrorController(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    ResponseEntity<Envelope> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly (no error being forwarded), /error is just an unknown path.
        ErrorCode code = codeFor(status instanceof Integer s ? s : 404);
        return ResponseEntity.status(code.status())
                .body(errors.failure(request, code, messageFor(code), null));
    }

    private static ErrorCode codeFor(int status) {
        return switch (HttpStatus.resolve(status) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.resolve(status)) {
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ErrorCode.METHOD_NOT_ALLOWED;
            case CONTENT_TOO_LARGE -> ErrorCode.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case BAD_REQUEST -> ErrorCode.VALIDATION_ERROR;
            case SERVICE_UNAVAILABLE -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> ErrorCode.INTERNAL_ERROR;
        };
    }

    private static String messageFor(ErrorCode code) {
        return code == ErrorCode.INTERNAL_ERROR ? "An unexpected error occurred" : "The request could not be handled";
    }
}
