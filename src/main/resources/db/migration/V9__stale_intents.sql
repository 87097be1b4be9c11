-- Baskets that still point at an open PaymentIntent after their payment failed: the reconciler cancels the intent
-- once none of the basket's reservations is left, so it can no longer be paid for nothing.
CREATE INDEX baskets_stale_intent ON baskets (updated_at)
    WHERE checkout_status IN ('payment_failed', 'not_checked_out') AND intent_id IS NOT NULL;
