package org.boxoffice.partner;

import org.boxoffice.shared.SandboxMode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/account}: the caller's own account, so a partner can check its setup before quoting. */
@RestController
class AccountController {
    private final PartnerService partners;
    private final RateLimits limits;
    private final SandboxMode sandbox;

    AccountController(PartnerService partners, RateLimits limits, SandboxMode sandbox) {
        this.partners = partners;
        this.limits = limits;
        this.sandbox = sandbox;
    }

    /** {@code sandbox}: this server accepts sandbox test references (development or staging), so moves no real money for them. */
    record Account(String partnerId, String name, BillingModel billingModel, PartnerStatus status,
                   PaymentConfigurationView paymentConfiguration, RateLimit rateLimit, boolean sandbox) {
    }

    @GetMapping("/v1/account")
    Account account(CallingPartner caller) {
        Partner partner = partners.get(caller.partnerId());
        return new Account(partner.id(), partner.name(), partner.billingModel(), partner.status(),
                PaymentConfigurationView.of(partner), limits.of(partner), sandbox.enabled());
    }
}
