-- Payouts of partners' balances to their payout methods.
CREATE TABLE payouts (
    id                  text PRIMARY KEY,
    seq                 bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    partner_id          text        NOT NULL REFERENCES partners (id),
    amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
    currency            text        NOT NULL,
    provider            text        NOT NULL,
    destination         text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('pending', 'in_transit', 'paid', 'failed')),
    provider_reference  text,
    failure_code        text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX payouts_partner ON payouts (partner_id, created_at DESC);
-- At most one unfinished payout per partner and currency.
CREATE UNIQUE INDEX payouts_open ON payouts (partner_id, currency) WHERE status IN ('pending', 'in_transit');
