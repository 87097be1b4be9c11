package org.boxoffice.payment.stripe;

import com.stripe.StripeClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code BOXOFFICE_STRIPE_SECRET_KEY} set, partners whose card on file is a Stripe one are charged through
 * Stripe and merchant-of-record baskets are paid through Stripe PaymentIntents; without it only sandbox cards can be
 * charged and baskets are paid on the sandbox checkout page. {@code boxoffice.stripe.api-base} points at a stub in tests.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${boxoffice.stripe.secret-key:}' != ''")
class StripeConfig {

    @Bean
    StripeClient stripeClient(@Value("${boxoffice.stripe.secret-key}") String secretKey,
                              @Value("${boxoffice.stripe.api-base:https://api.stripe.com}") String apiBase,
                              @Value("${boxoffice.stripe.max-network-retries:2}") int retries,
                              @Value("${boxoffice.stripe.connect-timeout-ms:5000}") int connectTimeout,
                              @Value("${boxoffice.stripe.read-timeout-ms:30000}") int readTimeout) {
        return StripeClient.builder().setApiKey(secretKey).setApiBase(apiBase).setMaxNetworkRetries(retries)
                .setConnectTimeout(connectTimeout).setReadTimeout(readTimeout).build();
    }

    @Bean
    StripeIntentGateway stripeIntentGateway(StripeClient stripe,
                                            @Value("${boxoffice.stripe.publishable-key:}") String publishableKey) {
        return new StripeIntentGateway(stripe, publishableKey);
    }

    @Bean
    StripeCardGateway stripeCardGateway(StripeClient stripe, java.time.Clock clock) {
        return new StripeCardGateway(stripe, clock);
    }
}
