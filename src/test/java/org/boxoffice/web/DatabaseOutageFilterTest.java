package org.boxoffice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.sql.SQLException;
import java.time.Instant;
import org.boxoffice.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A connection the database dropped while a filter used it (seen in the crash test: the idempotency key's insert when
 * the embedded PostgreSQL was killed) is a 503, not the servlet error a filter's exception would otherwise become.
 */
class DatabaseOutageFilterTest {
    private final DatabaseOutageFilter filter = new DatabaseOutageFilter(
            new ErrorResponses(JsonMapper.builder().build(), new MutableClock(Instant.parse("2026-12-01T10:00:00Z"))));

    private MockHttpServletResponse through(FilterChain failing) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/v1/orders"), response, failing);
        return response;
    }

    @Test
    void aDroppedConnectionInAFilterAnswers503WithRetryAfter() throws Exception {
        MockHttpServletResponse response = through((request, started) -> {
            ((jakarta.servlet.http.HttpServletResponse) started).setHeader("X-Request-Id", "req-1");
            throw new DataAccessResourceFailureException("PreparedStatementCallback; SQL [INSERT INTO idempotency_keys]",
                    new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
        assertThat(response.getHeader("X-Request-Id")).as("every response keeps its request id").isEqualTo("req-1");
    }

    @Test
    void anyOtherFailureIsNotDisguisedAsAnOutage() {
        assertThatThrownBy(() -> through((request, response) -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("a bug");
    }
}
