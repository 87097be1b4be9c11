-- Boxoffice foundation: partners and credentials, catalogue, tickets.
-- Money is integer minor units plus a currency; instants are timestamptz; ids are prefixed random text.

CREATE TABLE operator_keys (
    id          text PRIMARY KEY,
    key_hash    text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- The token signing key shared by every node (one row, created by whichever node starts first).
CREATE TABLE signing_keys (
    id          text PRIMARY KEY,
    secret      bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE partners (
    id                     text PRIMARY KEY,
    name                   text        NOT NULL,
    billing_model          text        NOT NULL CHECK (billing_model IN ('partner_billed', 'merchant_of_record')),
    status                 text        NOT NULL CHECK (status IN ('active', 'suspended')),
    client_id              text        NOT NULL UNIQUE,
    secret_hash            text        NOT NULL,
    -- Bumped by secret rotation and suspension: tokens carrying an older version are revoked.
    token_version          integer     NOT NULL DEFAULT 1,
    rate_limit_per_second  integer     CHECK (rate_limit_per_second > 0),
    rate_limit_burst       integer     CHECK (rate_limit_burst > 0),
    payout_provider        text        CHECK (payout_provider IN ('sandbox', 'routable')),
    payout_reference       text,
    card_provider          text        CHECK (card_provider IN ('sandbox', 'stripe')),
    card_reference         text,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    CHECK ((payout_provider IS NULL) = (payout_reference IS NULL)),
    CHECK ((card_provider IS NULL) = (card_reference IS NULL))
);

CREATE TABLE venues (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    city        text        NOT NULL,
    state       text,
    country     text        NOT NULL,
    timezone    text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX venues_name ON venues (lower(name));

CREATE TABLE performers (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX performers_name ON performers (lower(name));

CREATE TABLE events (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    venue_id    text        NOT NULL REFERENCES venues (id),
    starts_at   timestamptz NOT NULL,
    timezone    text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('on_sale', 'off_sale', 'cancelled')),
    currency    text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX events_starts_at ON events (starts_at, id);
CREATE INDEX events_venue ON events (venue_id, starts_at);

CREATE TABLE event_performers (
    event_id      text    NOT NULL REFERENCES events (id),
    performer_id  text    NOT NULL REFERENCES performers (id),
    position      integer NOT NULL,
    PRIMARY KEY (event_id, performer_id)
);
CREATE INDEX event_performers_performer ON event_performers (performer_id);

CREATE TABLE sections (
    id            text PRIMARY KEY,
    event_id      text    NOT NULL REFERENCES events (id),
    name          text    NOT NULL,
    display_name  text    NOT NULL,
    is_ga         boolean NOT NULL,
    position      integer NOT NULL,
    UNIQUE (event_id, name)
);

-- "rows" is a keyword in SQL; seat_rows avoids quoting it everywhere.
CREATE TABLE seat_rows (
    id            text PRIMARY KEY,
    section_id    text    NOT NULL REFERENCES sections (id),
    name          text    NOT NULL,
    display_name  text    NOT NULL,
    -- 1 is the best row (closest to the stage).
    rank          integer NOT NULL CHECK (rank >= 1),
    UNIQUE (section_id, name)
);

CREATE TABLE tickets (
    id              text PRIMARY KEY,
    event_id        text        NOT NULL REFERENCES events (id),
    section_id      text        NOT NULL REFERENCES sections (id),
    row_id          text        NOT NULL REFERENCES seat_rows (id),
    seat_number     integer     CHECK (seat_number >= 1),
    price_minor     bigint      NOT NULL CHECK (price_minor >= 0),
    currency        text        NOT NULL,
    delivery_types  text[]      NOT NULL,
    sold            boolean     NOT NULL DEFAULT false,
    -- A hold (quote or basket item) owns the ticket until held_until; an expired hold is simply free.
    hold_id         text,
    held_until      timestamptz,
    created_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX tickets_seat ON tickets (row_id, seat_number) WHERE seat_number IS NOT NULL;
CREATE INDEX tickets_unsold_by_event ON tickets (event_id, row_id, seat_number)
    INCLUDE (price_minor, held_until) WHERE NOT sold;
CREATE INDEX tickets_hold ON tickets (hold_id) WHERE hold_id IS NOT NULL;
