package org.boxoffice.partner;

/** A stored payment method of a partner: the provider and the provider's reference (no card data). */
public record PaymentMethodRef(String provider, String reference) {
}
