-- Monthly closing balances (issue #10): a partner's balance, and a statement's opening and closing balances, are the
-- last checkpoint before them plus the entries after it, so reading them does not grow with the ledger's history.
-- One row per partner, currency and closed month (every month from the partner's first transaction on): the balance
-- of all the payable entries created before `closes_at`, and how many entries that is. Append-only like the ledger;
-- written once a month has been closed for an hour (postings are short transactions stamped with their start), and
-- checked against a recount from the entries by the reconciliation report.
CREATE TABLE ledger_checkpoints (
    partner_id     text        NOT NULL REFERENCES partners (id),
    closes_at      timestamptz NOT NULL,
    currency       text        NOT NULL,
    balance_minor  bigint      NOT NULL,
    entries        bigint      NOT NULL,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (partner_id, closes_at, currency)
);
CREATE TRIGGER ledger_checkpoints_append_only BEFORE UPDATE OR DELETE ON ledger_checkpoints
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
