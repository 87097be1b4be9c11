package org.boxoffice.partner;

/** {@code payment_configuration}: each method as {@code {configured, type, provider, last4}}. */
public record PaymentConfigurationView(Method payoutMethod, Method cardOnFile) {

    public record Method(boolean configured, String type, String provider, String last4) {
        static final Method NONE = new Method(false, null, null, null);
    }

    static PaymentConfigurationView of(Partner partner) {
        return new PaymentConfigurationView(PaymentMethods.payoutView(partner.payoutMethod()),
                PaymentMethods.cardView(partner.cardOnFile()));
    }
}
