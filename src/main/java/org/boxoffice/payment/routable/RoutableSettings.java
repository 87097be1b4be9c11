package org.boxoffice.payment.routable;

import java.time.Duration;

/**
 * What the Routable adapter needs: the API, the acting team member and the funding account every payable names, the
 * webhook secret, and how hard to retry. From {@code boxoffice.routable.*} ({@code BOXOFFICE_ROUTABLE_*}).
 */
public record RoutableSettings(String apiBase, String apiToken, String actingTeamMember, String withdrawFromAccount,
                               String webhookSecret, int attempts, Duration backoff, Duration timeout) {
}
