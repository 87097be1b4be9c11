package org.boxoffice.partner;

import java.time.Instant;

/** A partner account as stored; {@code secretHash} never leaves this package. */
public record Partner(String id, String name, BillingModel billingModel, PartnerStatus status, String clientId,
                      String secretHash, int tokenVersion, RateLimit rateLimitOverride,
                      PaymentMethodRef payoutMethod, PaymentMethodRef cardOnFile, Instant createdAt) {

    public boolean paymentConfigured() {
        return payoutMethod != null && cardOnFile != null;
    }
}
