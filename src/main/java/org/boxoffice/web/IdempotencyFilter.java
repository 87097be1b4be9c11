package org.boxoffice.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on partner POSTs (API.md §1): the first answer (status and body) is kept 24 h per
 * partner and key and replayed for a retry with the same request; the same key with a different request is
 * {@code 422 IDEMPOTENCY_KEY_REUSED}; a retry while the first still runs is {@code 409 IDEMPOTENCY_KEY_IN_USE}.
 * Server errors (5xx) are not kept, so the retry runs again. It runs inside the partner door, after authentication:
 * the key belongs to the authenticated partner (the authentication's name).
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {
    static final String HEADER = "Idempotency-Key";
    static final Duration KEEP = Duration.ofHours(24);
    /** A first request still "in progress" after this was abandoned, even on a live node: it may be taken over. */
    static final Duration ABANDONED = Duration.ofMinutes(5);
    private final IdempotencyRepository keys;
    private final ErrorResponses errors;
    private final Clock clock;
    private final LiveNodes nodes;
    private final IdempotencyKeyReleases releases;

    IdempotencyFilter(IdempotencyRepository keys, ErrorResponses errors, Clock clock, LiveNodes nodes,
                      IdempotencyKeyReleases releases) {
        this.keys = keys;
        this.nodes = nodes;
        this.releases = releases;
        this.errors = errors;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || SecurityContextHolder.getContext().getAuthentication() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > 255) {
            errors.write(request, response, ApiException.validation(HEADER, "Idempotency-Key must be 1 to 255 characters"));
            return;
        }
        String partner = SecurityContextHolder.getContext().getAuthentication().getName();
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (ApiException e) {
            errors.write(request, response, e);
            return;
        }
        String hash = hash(request, body);
        Instant now = Instant.now(clock);
        if (!keys.claim(partner, key, hash, now, now.plus(KEEP), now.minus(ABANDONED), nodes.self())) {
            answerFromStore(request, response, partner, key, hash);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBody(request, body), captured);
            if (captured.getStatus() < 500) {
                keys.complete(partner, key, captured.getStatus(), captured.getContentAsByteArray(), captured.getContentType());
                kept = true;
            }
        } finally {
            if (!kept) {
                releases.release(new IdempotencyKeyReleases.Claim(partner, key, nodes.self(), now));
            }
            captured.copyBodyToResponse();
        }
    }

    private void answerFromStore(HttpServletRequest request, HttpServletResponse response, String partner, String key,
                                 String hash) throws IOException {
        // While the first request runs the answer is "wait"; once it is done, a different request is a misuse.
        IdempotencyRepository.Stored stored = keys.find(partner, key).orElse(null);
        if (stored == null || !stored.completed()) {
            response.setHeader("Retry-After", "1");
            errors.write(request, response, ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                    "A request with this Idempotency-Key is still in progress; retry shortly", null);
        } else if (!stored.requestHash().equals(hash)) {
            errors.write(request, response, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request", null);
        } else {
            response.setStatus(stored.status());
            response.setHeader("Idempotent-Replayed", "true");
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            response.getOutputStream().write(stored.body() == null ? new byte[0] : stored.body());
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, so the handler can read it again. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
