-- Stock lines brought up to date at commit (DESIGN rule 9: hot rows are locked briefly). In an on-sale every buyer of
-- a row, or of a GA floor, changes the same stock line, and its lock lasts until the transaction ends: taken when the
-- tickets are held, it was held across the statements after it, the client's round trips and the commit, and the
-- row's buyers queued for all of that. Now a change of tickets only notes its stock changes in the transaction
-- (tickets_stock_updated, as before, computes them from the transition tables), and a deferred trigger applies them
-- inside the COMMIT: the line is locked for the time it takes to update it and flush the commit, nothing more.
--
-- Still in the same transaction as the tickets: the commit applies them or fails whole (a lock not granted in time
-- is the usual 55P03, answered 503). Only the changing transaction itself reads stale lines until it commits, and it
-- reads them only as a hint (seat picking locks and re-checks the tickets). Loading and deleting tickets (operators)
-- keep updating the lines at once. The changes are relative (counts added, seats removed or added), so applying a
-- transaction's statements together at commit gives what applying them one by one gave.

-- The transaction's stock changes not applied yet, kept in a transaction-local setting: it ends with the
-- transaction, and a savepoint rolled back takes back the changes made after it, like the tickets' own.
CREATE FUNCTION ticket_stock_note(changes ticket_change[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(changes) = 0 THEN
        RETURN;
    END IF;
    PERFORM set_config('boxoffice.stock_changes',
        (coalesce(nullif(current_setting('boxoffice.stock_changes', true), '')::ticket_change[], '{}') || changes)::text,
        true);
END
$$;

CREATE OR REPLACE FUNCTION tickets_stock_updated() RETURNS trigger LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    PERFORM ticket_stock_note(ARRAY(
        SELECT ROW(c.stock_id, c.hold_key, c.held_until, c.seat, sum(c.delta)::integer)::ticket_change
        FROM (SELECT stock_id, coalesce(hold_id, '') AS hold_key, held_until, seat_number AS seat, -1 AS delta
              FROM old_rows WHERE NOT sold
              UNION ALL
              SELECT stock_id, coalesce(hold_id, ''), held_until, seat_number, 1 FROM new_rows WHERE NOT sold) c
        GROUP BY c.stock_id, c.hold_key, c.held_until, c.seat HAVING sum(c.delta) <> 0));
    RETURN NULL;
END
$$;

-- Fires at commit for every ticket whose counted state changed (so for every statement that noted changes); the
-- first firing applies all of the transaction's changes and clears them, the others find nothing to do. The changes
-- of several statements are netted first: ticket_stock_apply takes each seat to enter or leave a state once, and a
-- seat held, released and held again in one transaction has left the free ones once.
CREATE FUNCTION tickets_stock_commit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pending text := current_setting('boxoffice.stock_changes', true);
BEGIN
    IF pending IS NOT NULL AND pending <> '' THEN
        PERFORM set_config('boxoffice.stock_changes', '', true);
        PERFORM ticket_stock_apply(ARRAY(
            SELECT ROW(c.stock_id, c.hold_key, c.held_until, c.seat, sum(c.delta)::integer)::ticket_change
            FROM unnest(pending::ticket_change[]) c
            GROUP BY c.stock_id, c.hold_key, c.held_until, c.seat HAVING sum(c.delta) <> 0));
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER tickets_stock_commit AFTER UPDATE ON tickets DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN ((OLD.stock_id, OLD.hold_id, OLD.held_until, OLD.seat_number, OLD.sold)
          IS DISTINCT FROM (NEW.stock_id, NEW.hold_id, NEW.held_until, NEW.seat_number, NEW.sold))
    EXECUTE FUNCTION tickets_stock_commit();
