package org.boxoffice.basket;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators can settle pending merchant-of-record checkouts now, without waiting for the reconciler's next run. */
@RestController
class AdminBasketController {
    private final BasketReconciler reconciler;

    AdminBasketController(BasketReconciler reconciler) {
        this.reconciler = reconciler;
    }

    record BasketsReconciled(int looked) {
    }

    @PostMapping("/admin/v1/baskets/reconcile")
    BasketsReconciled reconcile() {
        return new BasketsReconciled(reconciler.reconcile());
    }
}
