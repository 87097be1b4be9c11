package org.boxoffice.payment.sandbox;

import java.time.Clock;
import java.time.Instant;
import org.boxoffice.payment.PaymentAttempt;
import org.boxoffice.payment.PayoutGateway;
import org.boxoffice.shared.Ids;
import org.boxoffice.shared.SandboxMode;
import org.springframework.stereotype.Component;

/**
 * The built-in payout rail without real keys (API.md §9): {@code ba_sandbox} accepts payouts, which are paid when
 * next asked about; {@code ba_sandbox_fail} refuses them ({@code account_closed}).
 */
@Component
class SandboxPayoutGateway implements PayoutGateway {
    private final SandboxChargeRepository records;
    private final Clock clock;
    private final SandboxMode mode;

    SandboxPayoutGateway(SandboxChargeRepository records, Clock clock, SandboxMode mode) {
        this.records = records;
        this.clock = clock;
        this.mode = mode;
    }

    @Override
    public String provider() {
        return "sandbox";
    }

    @Override
    public PayoutStatus send(PaymentAttempt attempt) {
        if (!mode.enabled()) {
            // With the sandbox off (production), nothing is "paid out": the payout fails and the ledger is reversed.
            return new PayoutStatus(PayoutStatus.State.FAILED, null, "sandbox_disabled");
        }
        String status = "ba_sandbox".equals(attempt.paymentMethod()) ? "succeeded" : "account_closed";
        // Kept under the payout's id, which is what status() is asked by (Routable's external_id).
        var recorded = records.record(attempt.owner().id(), "payout", attempt.paymentMethod(), attempt.amountMinor(),
                attempt.currency(), status, Ids.newId("po_sandbox"), Instant.now(clock));
        return recorded.succeeded() ? new PayoutStatus(PayoutStatus.State.IN_TRANSIT, recorded.reference(), null)
                : new PayoutStatus(PayoutStatus.State.FAILED, recorded.reference(), "account_closed");
    }

    @Override
    public PayoutStatus status(String payoutId) {
        if (!mode.enabled()) {
            return new PayoutStatus(PayoutStatus.State.FAILED, null, "sandbox_disabled");
        }
        return records.find(payoutId).map(r -> r.succeeded()
                        ? new PayoutStatus(PayoutStatus.State.PAID, r.reference(), null)
                        : new PayoutStatus(PayoutStatus.State.FAILED, r.reference(), "account_closed"))
                .orElse(new PayoutStatus(PayoutStatus.State.NOT_FOUND, null, null));
    }
}
