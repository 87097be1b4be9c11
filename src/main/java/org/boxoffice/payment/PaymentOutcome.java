package org.boxoffice.payment;

/** How one provider call ended, as far as we know. */
public sealed interface PaymentOutcome {

    record Succeeded(String reference) implements PaymentOutcome {
    }

    record Failed(String code, String message) implements PaymentOutcome {
    }

    /** No answer: neither success nor failure may be assumed until reconciliation asks the provider. */
    record Unknown(String reason) implements PaymentOutcome {
    }
}
