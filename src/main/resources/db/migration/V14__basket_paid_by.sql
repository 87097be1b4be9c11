-- How a basket's checkout is paid, kept when it starts: by the customer through a PaymentIntent (merchant of record)
-- or on account (the partner's card). The reconciler of lost webhooks selects only the customer-paid ones, in SQL, so
-- a backlog of on-account baskets (settled by the payment reconciler) cannot starve them.
ALTER TABLE baskets ADD COLUMN paid_by text CHECK (paid_by IN ('by_customer', 'on_account'));
-- Before: a merchant-of-record checkout always counted an intent version; an on-account one never did.
UPDATE baskets SET paid_by = CASE WHEN intent_version > 0 THEN 'by_customer' ELSE 'on_account' END
WHERE checkout_started_at IS NOT NULL;
CREATE INDEX baskets_pending_by_customer ON baskets (checkout_started_at)
    WHERE checkout_status = 'checkout_pending' AND paid_by = 'by_customer';
