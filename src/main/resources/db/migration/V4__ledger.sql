-- The billing ledger: double-entry, append-only, integer minor units. A partner's balance is derived from entries.

CREATE TABLE ledger_transactions (
    id                    text PRIMARY KEY,
    seq                   bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    partner_id            text        NOT NULL REFERENCES partners (id),
    type                  text        NOT NULL CHECK (type IN ('charge', 'refund', 'commission', 'payout', 'adjustment')),
    -- Seen from the partner: negative is money from the partner (a card charge), positive money to it.
    amount_minor          bigint      NOT NULL,
    -- How much this changes what Boxoffice owes the partner (its balance); card charges and refunds settle on
    -- the card and leave it unchanged.
    balance_effect_minor  bigint      NOT NULL,
    currency              text        NOT NULL,
    order_id              text,
    -- The business event this posts (an order, a refund attempt, a payout): each is posted once.
    reference             text,
    description           text        NOT NULL,
    corrects              text REFERENCES ledger_transactions (id),
    created_at            timestamptz NOT NULL
);
CREATE UNIQUE INDEX ledger_transactions_event ON ledger_transactions (type, reference) WHERE reference IS NOT NULL;
CREATE INDEX ledger_transactions_partner ON ledger_transactions (partner_id, created_at, seq);

CREATE TABLE ledger_entries (
    transaction_id  text     NOT NULL REFERENCES ledger_transactions (id),
    line            smallint NOT NULL,
    account         text     NOT NULL,
    -- Debits positive, credits negative: the entries of a transaction sum to zero.
    amount_minor    bigint   NOT NULL,
    currency        text     NOT NULL,
    PRIMARY KEY (transaction_id, line)
);
CREATE INDEX ledger_entries_account ON ledger_entries (account);

-- Append-only: a correction is a new transaction pointing at what it corrects.
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

-- Balanced: checked at commit, when every line of the transaction is in.
CREATE FUNCTION ledger_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT sum(amount_minor) FROM ledger_entries WHERE transaction_id = NEW.transaction_id) <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance', NEW.transaction_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_balanced();
