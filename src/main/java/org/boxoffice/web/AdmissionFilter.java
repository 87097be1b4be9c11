package org.boxoffice.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control (DESIGN rule 11): at most {@code boxoffice.http.max-in-flight} requests are served at once (by
 * default as many as the connection pool has connections: at 4 × overload twice that let admitted requests wait past
 * a second for locks, see docs/benchmarks.md); a request that cannot start within {@code boxoffice.http.admission-wait} is
 * answered {@code 503 SERVICE_UNAVAILABLE} with {@code Retry-After} before it has done anything. Without it every
 * request of a crowd starts, and all of them wait for the same connections and locks until the clients give up; with
 * it the ones admitted finish in time and the others learn at once to come back. Waiting is first come, first served.
 * The public health check is never queued, so a load balancer does not take a busy node for a dead one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class AdmissionFilter extends OncePerRequestFilter {
    private final Semaphore permits;
    private final long waitNanos;
    private final ErrorResponses errors;

    AdmissionFilter(@Value("${boxoffice.http.max-in-flight:0}") int maxInFlight,
                    @Value("${boxoffice.db.pool-size:20}") int poolSize,
                    @Value("${boxoffice.http.admission-wait:PT0.5S}") Duration wait, ErrorResponses errors) {
        this.permits = new Semaphore(maxInFlight > 0 ? maxInFlight : poolSize, true);
        this.waitNanos = wait.toNanos();
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            errors.write(request, response, ErrorCode.SERVICE_UNAVAILABLE,
                    "The service is at capacity; retry after the number of seconds in Retry-After", null);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "/actuator/health".equals(request.getRequestURI());
    }
}
