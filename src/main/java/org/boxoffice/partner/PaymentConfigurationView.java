package org.boxoffice.partner;

import jakarta.annotation.Nullable;

/** {@code payment_configuration}: each method as {@code {configured, type, provider, last4}}. */
public record PaymentConfigurationView(Method payoutMethod, Method cardOnFile) {

    public record Method(boolean configured, @Nullable String type, @Nullable String provider, @Nullable String last4) {
        static final Method NONE = new Method(false, null, null, null);
    }

    static PaymentConfigurationView of(Partner partner) {
        return new PaymentConfigurationView(PaymentMethods.payoutView(partner.payoutMethod()),
                PaymentMethods.cardView(partner.cardOnFile()));
    }
}
