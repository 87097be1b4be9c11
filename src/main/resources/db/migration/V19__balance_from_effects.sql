-- A partner's balance without its entries (issue #10: GET /v1/billing/balance within 20 ms whatever the history).
-- Every transaction already carries balance_effect_minor, what it changes in what Boxoffice owes the partner; it is now
-- proved equal to its entries at commit (minus the sum of its entries on the partner's payable account), so a balance
-- is the last monthly checkpoint plus the balance effects of the transactions after it: one covering index read, no
-- join with the entries. The entries stay the truth: checkpoints are still written and verified from them.

DO $$
DECLARE
    wrong text;
BEGIN
    SELECT t.id INTO wrong FROM ledger_transactions t LEFT JOIN ledger_entries e ON e.transaction_id = t.id
    GROUP BY t.id, t.balance_effect_minor, t.partner_id
    HAVING t.balance_effect_minor
           <> -coalesce(sum(e.amount_minor) FILTER (WHERE e.account = 'partner:' || t.partner_id || ':payable'), 0)
    LIMIT 1;
    IF wrong IS NOT NULL THEN
        RAISE EXCEPTION 'ledger transaction %: its balance effect does not match its payable entries', wrong;
    END IF;
END
$$;

-- Checked at commit, when every line of the transaction is in: its entries balance, and its balance effect is what
-- its entries do to the partner's payable account.
CREATE OR REPLACE FUNCTION ledger_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total bigint;
    mismatch bigint;
BEGIN
    SELECT sum(e.amount_minor),
           t.balance_effect_minor
               + coalesce(sum(e.amount_minor) FILTER (WHERE e.account = 'partner:' || t.partner_id || ':payable'), 0)
    INTO total, mismatch
    FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
    WHERE t.id = NEW.transaction_id GROUP BY t.id, t.balance_effect_minor, t.partner_id;
    IF total <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance', NEW.transaction_id;
    END IF;
    IF mismatch <> 0 THEN
        RAISE EXCEPTION 'ledger transaction %: its balance effect does not match its payable entries', NEW.transaction_id;
    END IF;
    RETURN NULL;
END
$$;

-- The partner's transactions in time order, with what a balance needs: read from the index alone.
CREATE INDEX ledger_transactions_balance ON ledger_transactions (partner_id, created_at, seq)
    INCLUDE (currency, balance_effect_minor);
DROP INDEX ledger_transactions_partner;
