package org.boxoffice.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses bodies over the limit (1 MiB; the operator's CSV import may send more): by Content-Length at once,
 * and for chunked bodies by counting while the body is read. The import is recognised on the decoded path routing
 * uses, like every other decision about a request; who may call it is Spring Security's decision, made later.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimitFilter extends OncePerRequestFilter {
    private final ErrorResponses errors;
    private final long limit;
    private final long importLimit;
    private static final PathPattern IMPORT = PathPatternParser.defaultInstance.parse("/admin/v1/events/{eventId}/tickets/import");

    BodySizeLimitFilter(ErrorResponses errors,
                        @Value("${boxoffice.http.max-body-bytes:1048576}") long limit,
                        @Value("${boxoffice.http.max-import-bytes:33554432}") long importLimit) {
        this.errors = errors;
        this.limit = limit;
        this.importLimit = importLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The raw suffix only narrows (an odd spelling just keeps the small limit); the decoded path decides.
        long max = request.getRequestURI().endsWith("/import")
                && IMPORT.matches(RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication())
                ? importLimit : limit;
        if (request.getContentLengthLong() > max) {
            errors.write(request, response, tooLarge(max));
            return;
        }
        chain.doFilter(new Limited(request, max), response);
    }

    static PayloadTooLarge tooLarge(long max) {
        return new PayloadTooLarge(max);
    }

    /** Thrown while reading a body that grows past the limit; the exception handler finds it in the cause chain. */
    static final class PayloadTooLarge extends ApiException {
        PayloadTooLarge(long max) {
            super(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + max + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), max);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        CountingStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw tooLarge(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
