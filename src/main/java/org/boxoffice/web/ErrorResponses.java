package org.boxoffice.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds envelopes and writes error envelopes from filters, where no controller advice applies. */
@Component
public class ErrorResponses {
    private final JsonMapper json;
    private final Clock clock;

    ErrorResponses(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public Envelope.Meta meta(HttpServletRequest request) {
        return new Envelope.Meta(RequestIds.of(request), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
    }

    Envelope failure(HttpServletRequest request, ErrorCode code, String message, Map<String, Object> details) {
        return Envelope.failure(code, message, details, meta(request));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        write(request, response, e.code(), e.getMessage(), e.details());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message,
                      Map<String, Object> details) throws IOException {
        HttpHeadersForErrors.apply(code, response::setHeader);
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), failure(request, code, message, details));
    }
}
