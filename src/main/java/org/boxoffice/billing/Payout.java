package org.boxoffice.billing;

import java.time.Instant;

/** Money sent from a partner's balance to its payout method: pending → in_transit → paid | failed. */
public record Payout(String id, String partnerId, long amountMinor, String currency, String provider, String destination,
                     String status, String providerReference, String failureCode, Instant createdAt) {
}
