package org.boxoffice.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.boxoffice.BoxofficeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionGuardTest {

    @Test
    void theProdProfileRefusesToStartWithoutAnExternalDatabaseAndKeys() {
        assertThatThrownBy(() -> BoxofficeApplication.application().run("--spring.profiles.active=prod",
                "--server.port=0", "--boxoffice.db.url=", "--boxoffice.admin-key="))
                .hasMessageContaining("BOXOFFICE_DB_URL").hasMessageContaining("BOXOFFICE_ADMIN_KEY")
                .hasMessageContaining("BOXOFFICE_TOKEN_SIGNING_KEY");
    }

    @Test
    void aShortSigningKeyIsRefusedAndACompleteConfigurationPasses() {
        MockEnvironment env = new MockEnvironment().withProperty("boxoffice.db.url", "jdbc:postgresql://db/boxoffice")
                .withProperty("boxoffice.db.user", "u").withProperty("boxoffice.db.password", "p")
                .withProperty("boxoffice.admin-key", "k").withProperty("boxoffice.token-signing-key", "short");
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> ProductionGuard.check(env)).hasMessageContaining("at least 32");
        env.setProperty("boxoffice.token-signing-key", "x".repeat(32));
        ProductionGuard.check(env);
        env.setProperty("boxoffice.stripe.secret-key", "sk_live_x");
        assertThatThrownBy(() -> ProductionGuard.check(env)).hasMessageContaining("BOXOFFICE_STRIPE_WEBHOOK_SECRET")
                .hasMessageContaining("BOXOFFICE_STRIPE_PUBLISHABLE_KEY");
        env.setProperty("boxoffice.stripe.webhook-secret", "whsec_x");
        env.setProperty("boxoffice.stripe.publishable-key", "pk_live_x");
        ProductionGuard.check(env);
        // Without the prod profile nothing is required: the same empty settings pass.
        ProductionGuard.check(new MockEnvironment());
        assertThatThrownBy(() -> ProductionGuard.check(new MockEnvironment().withProperty("spring.profiles.active", "prod")))
                .isInstanceOf(IllegalStateException.class);
    }
}
