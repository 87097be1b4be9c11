-- A payment attempt names its owner (what it pays for or refunds: an order, a basket, a basket item) instead of
-- hiding it in an id prefix, and keeps the description it was sent with, so that a replay after a lost answer sends
-- exactly the original request (Stripe refuses an idempotency key reused with other parameters).
ALTER TABLE payment_attempts RENAME COLUMN order_id TO owner_id;
ALTER INDEX payment_attempts_order RENAME TO payment_attempts_owner;
ALTER TABLE payment_attempts ADD COLUMN owner_kind text;
ALTER TABLE payment_attempts ADD COLUMN description text;
-- Attempts made before: the owner and the description are what the code of the day used.
UPDATE payment_attempts SET owner_kind = CASE
        WHEN owner_id LIKE 'ord\_%' THEN 'order'
        WHEN owner_id LIKE 'bkt\_%' THEN 'basket'
        ELSE 'basket_item' END;
UPDATE payment_attempts SET description = CASE
        WHEN kind = 'charge' AND owner_kind = 'order' THEN 'Boxoffice order ' || owner_id
        WHEN kind = 'charge' THEN 'Boxoffice basket ' || owner_id
        WHEN owner_kind = 'order' THEN 'Refund of order ' || owner_id
        ELSE 'Refund of basket item ' || owner_id END;
ALTER TABLE payment_attempts ALTER COLUMN owner_kind SET NOT NULL,
    ALTER COLUMN description SET NOT NULL,
    ADD CONSTRAINT payment_attempts_owner_kind CHECK (owner_kind IN ('order', 'basket', 'basket_item'));
