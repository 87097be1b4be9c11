-- Baskets: items held for a partner's customer until checkout (merchant of record, or on account).

CREATE TABLE baskets (
    id               text PRIMARY KEY,
    partner_id       text        NOT NULL REFERENCES partners (id),
    currency         text        NOT NULL,
    checkout_status  text        NOT NULL CHECK (checkout_status IN ('not_checked_out', 'checkout_pending',
                                                 'payment_failed', 'checked_out', 'checked_out_with_errors')),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX baskets_partner ON baskets (partner_id, created_at DESC);

CREATE TABLE basket_items (
    id                 text PRIMARY KEY,
    seq                bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    basket_id          text        NOT NULL REFERENCES baskets (id),
    event_id           text        NOT NULL REFERENCES events (id),
    section_name       text        NOT NULL,
    row_name           text        NOT NULL,
    ticket_ids         text[]      NOT NULL,
    seats              text[]      NOT NULL,
    quantity           integer     NOT NULL CHECK (quantity BETWEEN 1 AND 20),
    price_minor        bigint      NOT NULL,
    booking_fee_minor  bigint      NOT NULL,
    -- 'expired' is computed from reserved_until; 'removed' items are gone from the basket.
    status             text        NOT NULL CHECK (status IN ('reserved', 'booking', 'booked', 'errored',
                                                   'errored_and_refunded', 'removed')),
    reserved_until     timestamptz NOT NULL,
    created_at         timestamptz NOT NULL
);
CREATE INDEX basket_items_basket ON basket_items (basket_id, seq);

-- The booking fee a partner's baskets charge per item: fixed + percentage of the item price, within [min, max].
CREATE TABLE booking_fees (
    partner_id     text PRIMARY KEY REFERENCES partners (id),
    fixed_minor    bigint  NOT NULL CHECK (fixed_minor >= 0),
    percent_bps    integer NOT NULL CHECK (percent_bps BETWEEN 0 AND 10000),
    min_minor      bigint  NOT NULL CHECK (min_minor >= 0),
    max_minor      bigint  CHECK (max_minor IS NULL OR max_minor >= min_minor)
);
