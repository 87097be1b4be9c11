package org.boxoffice.payment.routable;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Routable payouts are used for partners whose payout method is {@code routable} once {@code BOXOFFICE_ROUTABLE_API_TOKEN}
 * is set; the webhook answers 401 to everything until {@code BOXOFFICE_ROUTABLE_WEBHOOK_SECRET} is set.
 */
@Configuration(proxyBeanMethods = false)
class RoutableConfig {

    @Bean
    RoutableSettings routableSettings(@Value("${boxoffice.routable.api-base:https://api.sandbox.routable.com}") String apiBase,
                                      @Value("${boxoffice.routable.api-token:}") String token,
                                      @Value("${boxoffice.routable.acting-team-member:}") String actingTeamMember,
                                      @Value("${boxoffice.routable.withdraw-from-account:}") String account,
                                      @Value("${boxoffice.routable.webhook-secret:}") String webhookSecret,
                                      @Value("${boxoffice.routable.attempts:3}") int attempts,
                                      @Value("${boxoffice.routable.backoff:PT0.5S}") Duration backoff,
                                      @Value("${boxoffice.routable.timeout:PT10S}") Duration timeout) {
        return new RoutableSettings(apiBase, token, actingTeamMember, account, webhookSecret, attempts, backoff, timeout);
    }

    @Bean
    @ConditionalOnExpression("'${boxoffice.routable.api-token:}' != ''")
    RoutablePayoutGateway routablePayoutGateway(RoutableSettings settings) {
        return new RoutablePayoutGateway(settings);
    }
}
