package org.boxoffice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.boxoffice.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The larger body limit belongs to the ticket import alone, recognised on the decoded path as routing sees it. */
class BodySizeLimitFilterTest {
    private static final long TWO_MIB = 2 * 1024 * 1024;
    private final BodySizeLimitFilter filter = new BodySizeLimitFilter(
            new ErrorResponses(JsonMapper.builder().build(), new MutableClock(Instant.parse("2026-12-01T10:00:00Z"))),
            1024 * 1024, 32 * 1024 * 1024);

    private int status(String rawPath) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", rawPath);
        request.setContent(new byte[(int) TWO_MIB]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return chain.getRequest() == null ? response.getStatus() : 200;
    }

    @Test
    void onlyTheTicketImportTakesMoreThanOneMebibyte() throws Exception {
        assertThat(status("/admin/v1/events/evt_1/tickets/import")).isEqualTo(200);
        assertThat(status("/adm%69n/v1/events/evt_1/tickets/import")).as("the same path, encoded").isEqualTo(200);
        assertThat(status("/admin/v1/partners/import")).as("another path ending in /import").isEqualTo(413);
        assertThat(status("/v1/quotes/admin/import")).isEqualTo(413);
        assertThat(status("/admin/v1/events/evt_1/tickets")).isEqualTo(413);
    }
}
