package org.boxoffice.payment.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.boxoffice.payment.CardGateway;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.shared.Ids;
import org.boxoffice.shared.SandboxMode;
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
    private final SandboxMode mode;

    SandboxCardGateway(SandboxChargeRepository charges, Clock clock, SandboxMode mode) {
        this.charges = charges;
        this.clock = clock;
        this.mode = mode;
    }

    @Override
    public String provider() {
        return "sandbox";
    }

    @Override
    public ProviderResult charge(PaymentAttempt attempt) {
        if (!mode.enabled()) {
            return disabled();
        }
        String paymentMethod = attempt.paymentMethod();
        String status = switch (paymentMethod) {
            case "tok_visa", "tok_timeout" -> "succeeded";
            default -> "card_declined";
        };
        ProviderResult result = charges.record(attempt.id(), "charge", paymentMethod, attempt.amountMinor(),
                attempt.currency(), status,
                Ids.newId("ch_sandbox"), Instant.now(clock));
        if ("tok_timeout".equals(paymentMethod)) {
            throw new OutcomeUnknown("sandbox: the charge went through but its answer timed out", null);
        }
        return result;
    }

    @Override
    public ProviderResult refund(PaymentAttempt attempt) {
        if (!mode.enabled()) {
            return disabled();
        }
        return charges.record(attempt.id(), "refund", attempt.paymentMethod(), attempt.amountMinor(), attempt.currency(),
                "succeeded", Ids.newId("re_sandbox"), Instant.now(clock));
    }

    /** With the sandbox off (production), a sandbox card on file is refused: nothing is charged, nothing faked. */
    private static ProviderResult disabled() {
        return ProviderResult.failed(null, "sandbox_disabled", "the sandbox is off on this server; configure a real card");
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
