package org.boxoffice.web;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last word: requests it refuses before the application sees them (an encoded NUL or slash in the path,
 * a malformed request line) still get the JSON envelope with a catalogue code and a request id.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // Tomcat calls this for every response; only errors Tomcat itself raised (sendError) are ours to render.
        // An application's deliberate empty error (a webhook's bare 401) stays as it is.
        if (!response.isError() || status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
            return;
        }
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status < 500 ? ErrorCode.VALIDATION_ERROR : ErrorCode.INTERNAL_ERROR;
        };
        if (code == ErrorCode.VALIDATION_ERROR) {
            response.setStatus(400);
        }
        String requestId = response.getHeader(RequestIds.HEADER);
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
            response.setHeader(RequestIds.HEADER, requestId);
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"success\":false,\"error\":{\"code\":\"" + code.name()
                        + "\",\"message\":\"The request could not be handled\"},\"meta\":{\"request_id\":\"" + requestId
                        + "\",\"timestamp\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\"}}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already closed: nothing left to say
        }
    }
}
