-- A payout is sent as a payment attempt like every other movement of money (kind 'payout', owned by the payout).
ALTER TABLE payment_attempts DROP CONSTRAINT payment_attempts_kind_check,
    ADD CONSTRAINT payment_attempts_kind CHECK (kind IN ('charge', 'refund', 'payout'));
ALTER TABLE payment_attempts DROP CONSTRAINT payment_attempts_owner_kind,
    ADD CONSTRAINT payment_attempts_owner_kind CHECK (owner_kind IN ('order', 'basket', 'basket_item', 'payout'));

-- Payouts sent before this had no attempt. One still waiting for the provider's answer gets its attempt now, under
-- the payout's own id: that was the idempotency key of the first request, so reconciliation's question, or a replay,
-- is about that very request. The others are settled; their further news comes by webhook or sync.
INSERT INTO payment_attempts (id, owner_kind, owner_id, partner_id, kind, provider, payment_method, amount_minor,
                              currency, description, status, created_at, updated_at)
SELECT id, 'payout', id, partner_id, 'payout', provider, destination, amount_minor, currency,
       'Boxoffice payout ' || id, 'pending', created_at, updated_at
FROM payouts WHERE status = 'pending';
