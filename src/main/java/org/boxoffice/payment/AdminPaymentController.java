package org.boxoffice.payment;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators can run payment reconciliation now instead of waiting for its schedule. */
@RestController
class AdminPaymentController {
    private final PaymentReconciler reconciler;

    AdminPaymentController(PaymentReconciler reconciler) {
        this.reconciler = reconciler;
    }

    record Reconciled(int settled) {
    }

    @PostMapping("/admin/v1/payments/reconcile")
    Reconciled reconcile() {
        return new Reconciled(reconciler.reconcile());
    }
}
