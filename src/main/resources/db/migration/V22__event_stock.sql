-- Per-event availability (issue #10: a search page with the hot event costs what a page without it costs). A search
-- answers each event's tickets available and lowest price; it added up every stock line of the event, 201 for the
-- hot one against 2 for a small one. Now each event keeps a few stripes, each the sum of the stock lines whose id
-- falls in it (stock_stripe): its free tickets and the lowest price among its lines that have any. A search reads at
-- most 8 stripes per event, whatever its size, plus the event's hold lines that have expired and are not swept yet
-- (an expired hold is free at once: free + their quantity, and their lines' prices count for the lowest price).
--
-- Why stripes and not one line per event: every buyer of the event would queue on it. Lines of different stripes
-- never wait for each other, so the rows an on-sale's buyers are taking at once (neighbouring lines, consecutive ids)
-- fall in different stripes.
--
-- Kept equal to the stock lines in the same transaction, at its commit, the way the lines themselves are (V18): a
-- statement that changes lines' free counts notes the changes, and a deferred trigger applies them inside the COMMIT,
-- stripes locked in (event, stripe) order after the lines. An operator loading tickets into the hot event therefore
-- holds its stripes only while committing, not for the whole load.

CREATE FUNCTION stock_stripe(stock_id bigint) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (stock_id % 8)::smallint
$$;

CREATE TABLE event_stock (
    event_id   text     NOT NULL REFERENCES events (id),
    stripe     smallint NOT NULL,
    free       integer  NOT NULL DEFAULT 0 CHECK (free >= 0),
    min_price  bigint, -- the lowest price of the stripe's lines that have free tickets; null when none has
    PRIMARY KEY (event_id, stripe)
);
INSERT INTO event_stock (event_id, stripe, free, min_price)
SELECT event_id, stock_stripe(id), sum(free), min(price_minor) FILTER (WHERE free > 0)
FROM ticket_stock GROUP BY event_id, stock_stripe(id);

-- A new stock line's stripe exists before its first tickets are counted in it.
CREATE FUNCTION event_stock_stripe_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO event_stock (event_id, stripe) VALUES (NEW.event_id, stock_stripe(NEW.id)) ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER event_stock_stripe_added AFTER INSERT ON ticket_stock FOR EACH ROW
    EXECUTE FUNCTION event_stock_stripe_added();

-- Hold lines know their event, so that a search finds an event's expired ones without visiting its stock lines.
ALTER TABLE ticket_stock_holds ADD COLUMN event_id text;
UPDATE ticket_stock_holds h SET event_id = s.event_id FROM ticket_stock s WHERE s.id = h.stock_id;
ALTER TABLE ticket_stock_holds ALTER COLUMN event_id SET NOT NULL;
CREATE INDEX ticket_stock_holds_by_event ON ticket_stock_holds (event_id, held_until);
-- (ticket_stock_apply, below, the only writer of hold lines, now writes their event too.)

-- A change of a stock line's free count, noted for its event's stripe.
CREATE TYPE event_stock_change AS (event_id text, stock_id bigint, delta integer);

CREATE FUNCTION event_stock_noted() RETURNS trigger LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    changes event_stock_change[] := ARRAY(
        SELECT ROW(n.event_id, n.id, n.free - o.free)::event_stock_change
        FROM new_lines n JOIN old_lines o ON o.id = n.id WHERE n.free <> o.free);
BEGIN
    IF cardinality(changes) > 0 THEN
        PERFORM set_config('boxoffice.event_stock_changes',
            (coalesce(nullif(current_setting('boxoffice.event_stock_changes', true), '')::event_stock_change[], '{}')
             || changes)::text, true);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER event_stock_noted AFTER UPDATE ON ticket_stock REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION event_stock_noted();

-- Fires at commit for every line whose free count changed; the first firing applies all of the transaction's noted
-- changes and clears them. The lines it reads are locked by this transaction (their free count changed), so their
-- free counts are final. A stripe's lowest price is recounted from its lines only when a line at that price has
-- none left; after the stripes are locked, in a statement of its own, so that it sees every commit of the
-- transactions that held them before. A line that another transaction is changing and has not committed yet is
-- read as it was: that transaction then locks the stripe and corrects it, from what it sees then.
CREATE FUNCTION event_stock_apply() RETURNS trigger LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    pending text := current_setting('boxoffice.event_stock_changes', true);
    changes event_stock_change[];
BEGIN
    IF pending IS NULL OR pending = '' THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('boxoffice.event_stock_changes', '', true);
    changes := pending::event_stock_change[];
    PERFORM 1 FROM event_stock e
    WHERE (e.event_id, e.stripe) IN (SELECT c.event_id, stock_stripe(c.stock_id) FROM unnest(changes) c)
    ORDER BY e.event_id, e.stripe FOR NO KEY UPDATE;
    UPDATE event_stock e
    SET free = e.free + g.delta,
        min_price = CASE WHEN e.min_price = ANY (g.emptied_prices)
                         THEN (SELECT min(s.price_minor) FROM ticket_stock s
                               WHERE s.event_id = e.event_id AND stock_stripe(s.id) = e.stripe AND s.free > 0)
                         ELSE least(e.min_price, g.min_free_price) END
    FROM (SELECT c.event_id, stock_stripe(c.stock_id) AS stripe, sum(c.delta)::integer AS delta,
                 coalesce(array_agg(s.price_minor) FILTER (WHERE s.free = 0), '{}') AS emptied_prices,
                 min(s.price_minor) FILTER (WHERE s.free > 0) AS min_free_price
          FROM unnest(changes) c JOIN ticket_stock s ON s.id = c.stock_id
          GROUP BY 1, 2) g
    WHERE e.event_id = g.event_id AND e.stripe = g.stripe;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER event_stock_apply AFTER UPDATE ON ticket_stock DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.free IS DISTINCT FROM NEW.free) EXECUTE FUNCTION event_stock_apply();

-- The stock line's lock is the queue of an on-sale: every buyer of the row, or of the GA floor, waits for it at
-- commit. It used to be taken first and held while the transaction's hold lines were written too (three statements,
-- about half of the time the lock was held). Hold lines belong to one hold, and only its owner or the sweeper change
-- them (both lock the tickets first), so they need no line lock: they are written first, and statements with
-- nothing to do are skipped. Under the lock, next_expiry is then computed from the hold lines in a statement of its
-- own, so it sees those of every transaction that held the lock before; another transaction's hold line not
-- committed yet is not counted, and that transaction recomputes it when it gets the lock.
CREATE OR REPLACE FUNCTION ticket_stock_apply(changes ticket_change[]) RETURNS void LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    locked bigint[];
BEGIN
    IF cardinality(changes) = 0 THEN
        RETURN;
    END IF;
    -- Tickets leaving hold lines, then tickets joining one (a new line, with its stock line's event, or more in an
    -- existing one).
    IF EXISTS (SELECT 1 FROM unnest(changes) c WHERE c.held_until IS NOT NULL AND c.delta < 0) THEN
        UPDATE ticket_stock_holds h
        SET quantity = h.quantity + d.delta, seats = ARRAY(SELECT x FROM unnest(h.seats) x WHERE x <> ALL (d.removed))
        FROM (SELECT c.stock_id, c.hold_key, c.held_until, sum(c.delta)::integer AS delta,
                     coalesce(array_agg(c.seat) FILTER (WHERE c.seat IS NOT NULL), '{}') AS removed
              FROM unnest(changes) c WHERE c.held_until IS NOT NULL AND c.delta < 0
              GROUP BY c.stock_id, c.hold_key, c.held_until) d
        WHERE h.stock_id = d.stock_id AND h.hold_key = d.hold_key AND h.held_until = d.held_until;
        DELETE FROM ticket_stock_holds h USING (SELECT DISTINCT c.stock_id, c.hold_key, c.held_until
                                                FROM unnest(changes) c WHERE c.held_until IS NOT NULL AND c.delta < 0) d
        WHERE h.stock_id = d.stock_id AND h.hold_key = d.hold_key AND h.held_until = d.held_until AND h.quantity = 0;
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(changes) c WHERE c.held_until IS NOT NULL AND c.delta > 0) THEN
        INSERT INTO ticket_stock_holds AS h (stock_id, event_id, hold_key, held_until, quantity, seats)
        SELECT c.stock_id, s.event_id, c.hold_key, c.held_until, sum(c.delta)::integer,
               coalesce(array_agg(c.seat ORDER BY c.seat) FILTER (WHERE c.seat IS NOT NULL), '{}')
        FROM unnest(changes) c JOIN ticket_stock s ON s.id = c.stock_id
        WHERE c.held_until IS NOT NULL AND c.delta > 0
        GROUP BY c.stock_id, s.event_id, c.hold_key, c.held_until
        ON CONFLICT (stock_id, hold_key, held_until) DO UPDATE
        SET quantity = h.quantity + EXCLUDED.quantity,
            seats = ARRAY(SELECT unnest(h.seats) UNION SELECT unnest(EXCLUDED.seats) ORDER BY 1);
    END IF;

    -- The line is locked only when its free tickets change or a hold line that can expire appears (next_expiry may
    -- move earlier); selling, moving a hold to an order or holding until settled change hold lines only. Locked in
    -- id order, so that statements touching several lines never deadlock one another, and FOR NO KEY UPDATE (the
    -- lock its UPDATE takes anyway): the hold lines written above keep a foreign-key share lock on their line,
    -- which FOR UPDATE would wait for, so two buyers of a line would each wait for the other's.
    locked := ARRAY(SELECT id FROM ticket_stock WHERE id IN (
                        SELECT c.stock_id FROM unnest(changes) c
                        WHERE c.held_until IS NULL OR (c.delta > 0 AND c.held_until < '9999-12-31T00:00:00Z'))
                    ORDER BY id FOR NO KEY UPDATE);
    IF cardinality(locked) = 0 THEN
        RETURN;
    END IF;
    UPDATE ticket_stock s
    SET free = s.free + coalesce(d.delta, 0),
        free_seats = coalesce(d.seats, s.free_seats),
        free_run = CASE WHEN d.seats IS NULL THEN s.free_run ELSE longest_run(d.seats) END,
        next_expiry = (SELECT min(h.held_until) FROM ticket_stock_holds h
                       WHERE h.stock_id = s.id AND h.held_until < '9999-12-31T00:00:00Z')
    FROM unnest(locked) l (id)
    LEFT JOIN (SELECT g.stock_id, g.delta,
                      ARRAY(SELECT x FROM unnest(t.free_seats) x WHERE x <> ALL (g.removed)
                            UNION SELECT unnest(g.added) ORDER BY 1) AS seats
               FROM (SELECT c.stock_id, sum(c.delta)::integer AS delta,
                            coalesce(array_agg(c.seat) FILTER (WHERE c.delta < 0 AND c.seat IS NOT NULL), '{}') AS removed,
                            coalesce(array_agg(c.seat) FILTER (WHERE c.delta > 0 AND c.seat IS NOT NULL), '{}') AS added
                     FROM unnest(changes) c WHERE c.held_until IS NULL GROUP BY c.stock_id) g
               JOIN ticket_stock t ON t.id = g.stock_id) d ON d.stock_id = l.id
    WHERE s.id = l.id;
END
$$;
