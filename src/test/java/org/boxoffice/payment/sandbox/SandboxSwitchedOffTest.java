package org.boxoffice.payment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.boxoffice.payment.PayoutGateway.PayoutStatus;
import org.boxoffice.shared.SandboxMode;
import org.boxoffice.support.Attempts;
import org.boxoffice.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * With the sandbox off (production), a sandbox reference already on file moves and fakes nothing: every charge and
 * refund is declined and every payout fails, without recording anything (the repository is never reached: null here).
 */
class SandboxSwitchedOffTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SandboxMode off = new SandboxMode(false, new MockEnvironment().withProperty("spring.profiles.active", "prod"));

    @Test
    void sandboxCardsAreDeclined() {
        SandboxCardGateway cards = new SandboxCardGateway(null, clock, off);
        var charge = cards.charge(Attempts.charge("pay_1", "tok_visa", 5_000, "USD", "Boxoffice order ord_1"));
        assertThat(charge.succeeded()).isFalse();
        assertThat(charge.failureCode()).isEqualTo("sandbox_disabled");
        assertThat(cards.charge(Attempts.charge("pay_2", "tok_timeout", 5_000, "USD", "x")).succeeded()).isFalse();
        assertThat(cards.refund(Attempts.refund("pay_3", "ch_sandbox_x", 5_000, "USD")).succeeded()).isFalse();
    }

    @Test
    void sandboxPayoutsFail() {
        SandboxPayoutGateway payouts = new SandboxPayoutGateway(null, clock, off);
        assertThat(payouts.send(Attempts.payout("pay_1", "po_1", "ba_sandbox", 10_000, "USD", clock.instant())).state()).isEqualTo(PayoutStatus.State.FAILED);
        assertThat(payouts.status("po_1")).isEqualTo(new PayoutStatus(PayoutStatus.State.FAILED, null, "sandbox_disabled"));
    }
}
