package org.boxoffice.billing;

import jakarta.annotation.Nullable;
import java.util.List;
import org.boxoffice.shared.MoneyView;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator API for payouts: list them, run a payout round now, ask providers about unfinished ones now. */
@RestController
@RequestMapping("/admin/v1/payouts")
class AdminPayoutController {
    private final Payouts payouts;

    AdminPayoutController(Payouts payouts) {
        this.payouts = payouts;
    }

    record PayoutView(String payoutId, String partnerId, MoneyView amount, String provider, Payout.Status status,
                      @Nullable String providerReference, @Nullable String failureCode, java.time.Instant createdAt) {
        static PayoutView of(Payout p) {
            return new PayoutView(p.id(), p.partnerId(), MoneyView.of(p.amount()), p.provider(), p.status(),
                    p.providerReference(), p.failureCode(), p.createdAt());
        }
    }

    record Synced(int changed) {
    }

    @GetMapping
    Page<PayoutView> list(@RequestParam(name = "partner_id", required = false) String partnerId,
                          @RequestParam(required = false) Payout.Status status, PageRequest page) {
        return payouts.list(partnerId, status, page).map(PayoutView::of);
    }

    @PostMapping("/run")
    List<PayoutView> run() {
        return payouts.run().stream().map(PayoutView::of).toList();
    }

    @PostMapping("/sync")
    Synced sync() {
        return new Synced(payouts.sync());
    }
}
