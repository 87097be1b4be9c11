package org.boxoffice.config;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Under the {@code prod} profile the server refuses to start with development defaults: it needs an external
 * database, an operator key and a token signing key, and loads no demo data. Runs before any bean exists.
 */
public class ProductionGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
    static final List<String> REQUIRED = List.of(
            "boxoffice.db.url", "boxoffice.db.user", "boxoffice.db.password",
            "boxoffice.admin-key", "boxoffice.token-signing-key");
    /** With Stripe keys, baskets are paid through Stripe: its webhook must be verifiable and Stripe.js needs its key. */
    static final List<String> STRIPE_REQUIRED = List.of("boxoffice.stripe.webhook-secret", "boxoffice.stripe.publishable-key");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        if (!environment.matchesProfiles("prod")) {
            return;
        }
        List<String> required = StringUtils.hasText(environment.getProperty("boxoffice.stripe.secret-key"))
                ? Stream.concat(REQUIRED.stream(), STRIPE_REQUIRED.stream()).toList() : REQUIRED;
        List<String> missing = required.stream().filter(key -> !StringUtils.hasText(environment.getProperty(key))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The prod profile needs " + String.join(", ", Stream.of(missing.toArray(String[]::new))
                    .map(key -> key + " (" + key.toUpperCase().replace('.', '_').replace('-', '_') + ")").toList()));
        }
        if (environment.getProperty("boxoffice.token-signing-key", "").length() < 32) {
            throw new IllegalStateException("BOXOFFICE_TOKEN_SIGNING_KEY must be at least 32 characters");
        }
    }
}
