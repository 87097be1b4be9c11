package org.boxoffice.payment.routable;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.boxoffice.payment.CardGateway;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.PayoutGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Payouts through Routable: an ACH payable to the partner's Routable company, sent today, with the attempt id as
 * {@code Idempotency-Key} and our payout id as {@code external_id} (PROVIDERS.md §1.9). 429, 5xx and timeouts are retried with
 * backoff and then left unknown; other refusals are failures. Status is read back by {@code external_id}, which
 * works even when the answer to the create was lost.
 */
public class RoutablePayoutGateway implements PayoutGateway {
    private static final Logger log = LoggerFactory.getLogger(RoutablePayoutGateway.class);
    private static final ZoneId ROUTABLE_DATES = ZoneId.of("America/Los_Angeles");
    private static final List<String> ACCEPTED = List.of("needs_approval", "ready_to_send", "scheduled", "pending",
            "processing", "initiated", "created", "new");
    private final RoutableSettings settings;
    private final RestClient http;

    public RoutablePayoutGateway(RoutableSettings settings) {
        this.settings = settings;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build());
        requests.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().baseUrl(settings.apiBase()).requestFactory(requests)
                .defaultHeader("Authorization", "Bearer " + settings.apiToken()).build();
    }

    @Override
    public String provider() {
        return "routable";
    }

    @Override
    public PayoutStatus send(PaymentAttempt attempt) {
        String amount = attempt.amount().amount();
        Map<String, Object> payable = Map.of(
                "type", "ach", "acting_team_member", settings.actingTeamMember(), "pay_to_company", attempt.paymentMethod(),
                "withdraw_from_account", settings.withdrawFromAccount(), "amount", amount,
                "currency_code", attempt.currency(), "delivery_method", "ach_standard",
                "send_on", LocalDate.ofInstant(attempt.createdAt(), ROUTABLE_DATES).toString(),
                "external_id", attempt.owner().id(),
                "line_items", List.of(Map.of("description", attempt.description(), "quantity", "1",
                        "unit_price", amount, "amount", amount, "style", "item")));
        try {
            Map<?, ?> created = withRetries(() -> http.post().uri("/v1/payables").contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", attempt.id()).body(payable).retrieve().body(Map.class));
            return status(created);
        } catch (RestClientResponseException e) {
            return new PayoutStatus(PayoutStatus.State.FAILED, null, "routable_" + e.getStatusCode().value());
        }
    }

    @Override
    public PayoutStatus status(String payoutId) {
        Map<?, ?> page = withRetries(() -> http.get().uri(u -> u.path("/v1/payables").queryParam("external_id", payoutId).build())
                .retrieve().body(Map.class));
        List<?> results = page == null ? List.of() : (List<?>) page.get("results");
        return results == null || results.isEmpty() ? new PayoutStatus(PayoutStatus.State.NOT_FOUND, null, null)
                : status((Map<?, ?>) results.getFirst());
    }

    /** The payable behind a webhook's thin event: whose payout it is (our id, its external id) and where it stands. */
    record Fetched(String payoutId, PayoutStatus status) {
    }

    Fetched fetch(String payableId) {
        Map<?, ?> payable = withRetries(() -> http.get().uri("/v1/payables/{id}", payableId).retrieve().body(Map.class));
        return new Fetched(payable == null ? null : (String) payable.get("external_id"), status(payable));
    }

    private static PayoutStatus status(Map<?, ?> payable) {
        String id = payable == null ? null : (String) payable.get("id");
        String status = payable == null ? null : (String) payable.get("status");
        if (status == null) { // 202 Accepted: {object, id, links} while Routable is still creating it
            return new PayoutStatus(PayoutStatus.State.IN_TRANSIT, id, null);
        }
        if ("completed".equals(status) || "externally_paid".equals(status)) {
            return new PayoutStatus(PayoutStatus.State.PAID, id, null);
        }
        if ("failed".equals(status) || "issue".equals(status) || "canceled".equals(status)) {
            return new PayoutStatus(PayoutStatus.State.FAILED, id, "routable_" + status);
        }
        if (!ACCEPTED.contains(status)) {
            log.warn("routable payable {} has status {} we do not know: treated as still in transit", id, status);
        }
        return new PayoutStatus(PayoutStatus.State.IN_TRANSIT, id, null);
    }

    /** 429, 5xx and timeouts are tried again with doubling backoff; after the last try the outcome is unknown. */
    private <T> T withRetries(java.util.function.Supplier<T> call) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                return call.get();
            } catch (RestClientResponseException e) {
                HttpStatusCode code = e.getStatusCode();
                if (code.value() != 429 && !code.is5xxServerError()) {
                    throw e;
                }
                last = e;
            } catch (ResourceAccessException e) {
                last = e;
            }
            pause(settings.backoff().multipliedBy(1L << (attempt - 1)));
        }
        throw new CardGateway.OutcomeUnknown("routable: no usable answer after " + settings.attempts() + " tries", last);
    }

    private static void pause(java.time.Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardGateway.OutcomeUnknown("routable: interrupted while backing off", e);
        }
    }
}
