package org.boxoffice.basket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.web.ApiErrors;
import org.boxoffice.web.ErrorCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators set each merchant-of-record partner's commission (basis points of the ticket price of every booked
 * item, credited in the ledger; 0 until set) and can settle pending checkouts now.
 */
@RestController
class AdminBasketController {
    private final BasketService baskets;
    private final PartnerService partners;
    private final BasketReconciler reconciler;

    AdminBasketController(BasketService baskets, PartnerService partners, BasketReconciler reconciler) {
        this.baskets = baskets;
        this.partners = partners;
        this.reconciler = reconciler;
    }

    record Commission(@NotNull @Min(0) @Max(10_000) Integer percentBps) {
    }

    record BasketsReconciled(int looked) {
    }

    @GetMapping("/admin/v1/partners/{partnerId}/commission")
    @ApiErrors({ErrorCode.NOT_FOUND})
    Commission get(@PathVariable String partnerId) {
        partners.get(partnerId);
        return new Commission(baskets.commissionBps(partnerId));
    }

    @PutMapping("/admin/v1/partners/{partnerId}/commission")
    @ApiErrors({ErrorCode.NOT_FOUND})
    Commission set(@PathVariable String partnerId, @Valid @RequestBody Commission commission) {
        partners.get(partnerId);
        baskets.setCommissionBps(partnerId, commission.percentBps());
        return commission;
    }

    @PostMapping("/admin/v1/baskets/reconcile")
    BasketsReconciled reconcile() {
        return new BasketsReconciled(reconciler.reconcile());
    }
}
