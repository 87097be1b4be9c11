package org.boxoffice.payment.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.boxoffice.payment.CardGateway;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.shared.Ids;
import org.springframework.stereotype.Component;

/**
 * The built-in provider used without real keys. Test cards (API.md §9): {@code tok_visa} is charged,
 * {@code tok_chargeDeclined} is declined ({@code card_declined}), {@code tok_timeout} is charged but the answer
 * is lost, so the caller sees {@link OutcomeUnknown} and reconciliation later finds the charge captured.
 */
@Component
class SandboxCardGateway implements CardGateway {
    private final SandboxChargeRepository charges;
    private final Clock clock;

    SandboxCardGateway(SandboxChargeRepository charges, Clock clock) {
        this.charges = charges;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return "sandbox";
    }

    @Override
    public ProviderResult charge(String key, String paymentMethod, long amountMinor, String currency, String description) {
        String status = switch (paymentMethod) {
            case "tok_visa", "tok_timeout" -> "succeeded";
            default -> "card_declined";
        };
        ProviderResult result = charges.record(key, "charge", paymentMethod, amountMinor, currency, status,
                Ids.newId("ch_sandbox"), Instant.now(clock));
        if ("tok_timeout".equals(paymentMethod)) {
            throw new OutcomeUnknown("sandbox: the charge went through but its answer timed out", null);
        }
        return result;
    }

    @Override
    public ProviderResult refund(String key, String chargeReference, long amountMinor, String currency) {
        return charges.record(key, "refund", chargeReference, amountMinor, currency, "succeeded", Ids.newId("re_sandbox"),
                Instant.now(clock));
    }

    @Override
    public Optional<ProviderResult> lookup(PaymentAttempt original) {
        return charges.find(original.id());
    }

    @Override
    public Optional<ProviderResult> inspect(PaymentAttempt original) {
        return charges.find(original.id());
    }
}
