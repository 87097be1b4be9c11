package org.boxoffice.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the built-in sandbox (test cards, test payout methods, the sandbox checkout page) is on. It is a test
 * double for the outside world: on by default for development, off under {@code prod} (no sandbox reference is
 * accepted, existing ones fail every charge and payout, {@code /sandbox/*} is 404) unless a staging deployment sets
 * {@code BOXOFFICE_SANDBOX_ENABLED=true}, which is then said loudly at start and in {@code GET /v1/account}.
 */
@Component
public class SandboxMode {
    private static final Logger log = LoggerFactory.getLogger(SandboxMode.class);
    public static final String PROPERTY = "boxoffice.sandbox.enabled";
    private final boolean enabled;

    public SandboxMode(@Value("${" + PROPERTY + ":true}") boolean enabled, Environment environment) {
        this.enabled = enabled;
        if (enabled && environment.matchesProfiles("prod")) {
            log.warn("*** SANDBOX ENABLED UNDER PROD (BOXOFFICE_SANDBOX_ENABLED=true): sandbox cards and payout methods "
                    + "are accepted and move NO real money; /sandbox/* pages are served. Staging only. ***");
        }
    }

    public boolean enabled() {
        return enabled;
    }
}
