-- Basket checkout (merchant of record through PaymentIntents, or on account), commission rates, vouchers,
-- and the sandbox's own PaymentIntents.

-- The basket's payment: the PaymentIntent (merchant of record) or the card charge (on account) that pays it.
-- intent_version counts the intents created for the basket; it is part of the provider idempotency key.
ALTER TABLE baskets
    ADD COLUMN payment_provider     text,
    ADD COLUMN intent_id            text UNIQUE,
    ADD COLUMN intent_version       integer NOT NULL DEFAULT 0,
    ADD COLUMN payment_amount_minor bigint,
    ADD COLUMN payment_reference    text,
    ADD COLUMN checkout_started_at  timestamptz,
    ADD COLUMN checked_out_at       timestamptz;
CREATE INDEX baskets_checkout_pending ON baskets (checkout_started_at) WHERE checkout_status = 'checkout_pending';

-- Items that had expired when checkout started stay out of it for good.
ALTER TABLE basket_items DROP CONSTRAINT basket_items_status_check;
ALTER TABLE basket_items ADD CONSTRAINT basket_items_status_check
    CHECK (status IN ('reserved', 'expired', 'booking', 'booked', 'errored', 'errored_and_refunded', 'removed'));

-- The share of each merchant-of-record sale credited to the partner, in basis points of the items' price.
CREATE TABLE commission_rates (
    partner_id   text PRIMARY KEY REFERENCES partners (id),
    percent_bps  integer NOT NULL CHECK (percent_bps BETWEEN 0 AND 10000)
);

-- A voucher: one PDF for one booked basket item or one order, reachable by an unguessable token until
-- valid_until. Its tickets are a snapshot taken at issue: a voucher never changes.
CREATE TABLE vouchers (
    token        text PRIMARY KEY,
    owner_id     text        NOT NULL UNIQUE,
    event_id     text        NOT NULL REFERENCES events (id),
    valid_until  timestamptz NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE TABLE voucher_tickets (
    token         text    NOT NULL REFERENCES vouchers (token),
    position      integer NOT NULL,
    ticket_id     text    NOT NULL REFERENCES tickets (id),
    section_name  text    NOT NULL,
    row_name      text    NOT NULL,
    seat          text,
    barcode       text    NOT NULL UNIQUE,
    PRIMARY KEY (token, position)
);

-- The sandbox provider's PaymentIntents (what Stripe would keep on its side). No customer data: the receipt
-- e-mail a partner passes is dropped, as Boxoffice never stores it.
CREATE TABLE sandbox_intents (
    id               text PRIMARY KEY,
    idempotency_key  text        NOT NULL UNIQUE,
    client_secret    text        NOT NULL,
    amount_minor     bigint      NOT NULL CHECK (amount_minor > 0),
    currency         text        NOT NULL,
    status           text        NOT NULL,
    basket_id        text,
    partner_id       text,
    latest_charge    text,
    failure_code     text,
    failure_message  text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
