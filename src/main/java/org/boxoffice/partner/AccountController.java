package org.boxoffice.partner;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/account}: the caller's own account, so a partner can check its setup before quoting. */
@RestController
class AccountController {
    private final PartnerService partners;
    private final RateLimits limits;

    AccountController(PartnerService partners, RateLimits limits) {
        this.partners = partners;
        this.limits = limits;
    }

    record Account(String partnerId, String name, BillingModel billingModel, PartnerStatus status,
                   PaymentConfigurationView paymentConfiguration, RateLimit rateLimit) {
    }

    @GetMapping("/v1/account")
    Account account(CallingPartner caller) {
        Partner partner = partners.get(caller.partnerId());
        return new Account(partner.id(), partner.name(), partner.billingModel(), partner.status(),
                PaymentConfigurationView.of(partner), limits.of(partner));
    }
}
