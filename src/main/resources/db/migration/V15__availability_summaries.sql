-- Availability summaries (DESIGN rule 9): reads and seat picking cost the same however large the section and however
-- many holds are live. The tickets stay the truth; a statement trigger keeps the summaries equal to them in the very
-- statement that changes them, so no code path (holds, sales, loads, an operator's SQL) can forget to.
--
-- ticket_stock: one line per row, price and delivery types ("stock"). `free` counts its tickets that are neither sold
-- nor held (held_until is null), `free_seats` lists their seat numbers (seated rows only) and `free_run` is the longest
-- run of consecutive ones, so a read needs no seat list. `next_expiry` is a lower bound of its hold lines' held_until.
-- ticket_stock_holds: its unsold held tickets, per hold and held_until. A hold that has expired is free at once:
-- availability now = free + the quantity of the lines whose held_until <= now, looked up only for stock lines whose
-- next_expiry has passed; so live holds cost nothing, and expired lines are folded back by the sweeper within seconds.

CREATE TABLE ticket_stock (
    id              bigserial PRIMARY KEY,
    event_id        text      NOT NULL REFERENCES events (id),
    section_id      text      NOT NULL REFERENCES sections (id),
    row_id          text      NOT NULL REFERENCES seat_rows (id),
    price_minor     bigint    NOT NULL,
    delivery_types  text[]    NOT NULL,
    free            integer   NOT NULL DEFAULT 0 CHECK (free >= 0),
    free_seats      integer[] NOT NULL DEFAULT '{}',
    free_run        integer   NOT NULL DEFAULT 0,
    next_expiry     timestamptz,
    UNIQUE (row_id, price_minor, delivery_types)
);
CREATE INDEX ticket_stock_by_event ON ticket_stock (event_id, section_id);

CREATE TABLE ticket_stock_holds (
    stock_id    bigint      NOT NULL REFERENCES ticket_stock (id),
    hold_key    text        NOT NULL, -- the hold id ('' for none)
    held_until  timestamptz NOT NULL,
    quantity    integer     NOT NULL CHECK (quantity >= 0),
    seats       integer[]   NOT NULL DEFAULT '{}',
    PRIMARY KEY (stock_id, hold_key, held_until)
);
CREATE INDEX ticket_stock_holds_expiring ON ticket_stock_holds (stock_id, held_until);

-- The longest run of consecutive numbers in a set of seat numbers (gaps and islands).
CREATE FUNCTION longest_run(seats integer[]) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(max(length), 0)::integer FROM (
        SELECT count(*) AS length FROM (SELECT x - row_number() OVER (ORDER BY x) AS island FROM unnest(seats) x) i
        GROUP BY island) runs
$$;

-- Concatenates arrays (the seats of several hold lines).
CREATE AGGREGATE array_concat_agg(anycompatiblearray) (SFUNC = array_cat, STYPE = anycompatiblearray);

-- Backfill from the tickets as they are.
INSERT INTO ticket_stock (event_id, section_id, row_id, price_minor, delivery_types, free, free_seats)
SELECT event_id, section_id, row_id, price_minor, delivery_types,
       count(*) FILTER (WHERE NOT sold AND held_until IS NULL),
       coalesce(array_agg(seat_number ORDER BY seat_number)
                FILTER (WHERE NOT sold AND held_until IS NULL AND seat_number IS NOT NULL), '{}')
FROM tickets GROUP BY event_id, section_id, row_id, price_minor, delivery_types;
UPDATE ticket_stock SET free_run = longest_run(free_seats);

ALTER TABLE tickets ADD COLUMN stock_id bigint;
UPDATE tickets t SET stock_id = s.id FROM ticket_stock s
WHERE s.row_id = t.row_id AND s.price_minor = t.price_minor AND s.delivery_types = t.delivery_types;
ALTER TABLE tickets ALTER COLUMN stock_id SET NOT NULL;
ALTER TABLE tickets ADD FOREIGN KEY (stock_id) REFERENCES ticket_stock (id);

INSERT INTO ticket_stock_holds (stock_id, hold_key, held_until, quantity, seats)
SELECT stock_id, coalesce(hold_id, ''), held_until, count(*),
       coalesce(array_agg(seat_number ORDER BY seat_number) FILTER (WHERE seat_number IS NOT NULL), '{}')
FROM tickets WHERE NOT sold AND held_until IS NOT NULL GROUP BY stock_id, coalesce(hold_id, ''), held_until;
UPDATE ticket_stock s SET next_expiry = (SELECT min(held_until) FROM ticket_stock_holds h
                                         WHERE h.stock_id = s.id AND h.held_until < '9999-12-31T00:00:00Z');

-- Tickets entering (delta > 0) or leaving (delta < 0) a state: free for good (held_until null) or a hold line; one
-- seat's delta is +1 or -1, GA tickets (no seat) of the same state are counted together.
CREATE TYPE ticket_change AS (stock_id bigint, hold_key text, held_until timestamptz, seat integer, delta integer);

-- Holds that last until a payment is settled (HoldService.UNTIL_SETTLED, 9999-12-31) never expire by the clock.
-- Its statements are planned once per connection (a generic plan): planning each call anew cost five times more than
-- running it (measured: 2.4 ms against 0.5 ms per hold).
CREATE FUNCTION ticket_stock_apply(changes ticket_change[]) RETURNS void LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    locked bigint[];
BEGIN
    IF cardinality(changes) = 0 THEN
        RETURN;
    END IF;
    -- A stock line is hot in an on-sale, and its lock lasts until the transaction ends: it is taken only when its free
    -- tickets change or a hold line that can expire appears (next_expiry may move earlier); selling, moving a hold
    -- to an order or holding until settled change hold lines only. Locked in id order, so that statements touching
    -- several stock lines never deadlock one another.
    locked := ARRAY(SELECT id FROM ticket_stock WHERE id IN (
                        SELECT c.stock_id FROM unnest(changes) c
                        WHERE c.held_until IS NULL OR (c.delta > 0 AND c.held_until < '9999-12-31T00:00:00Z'))
                    ORDER BY id FOR UPDATE);

    -- Hold lines belong to one hold, so only its owner or the sweeper change them, and both lock the tickets first:
    -- tickets leaving a line, then tickets joining one (a new line, or more in an existing one).
    UPDATE ticket_stock_holds h
    SET quantity = h.quantity + d.delta, seats = ARRAY(SELECT x FROM unnest(h.seats) x WHERE x <> ALL (d.removed))
    FROM (SELECT c.stock_id, c.hold_key, c.held_until, sum(c.delta)::integer AS delta,
                 coalesce(array_agg(c.seat) FILTER (WHERE c.seat IS NOT NULL), '{}') AS removed
          FROM unnest(changes) c WHERE c.held_until IS NOT NULL AND c.delta < 0
          GROUP BY c.stock_id, c.hold_key, c.held_until) d
    WHERE h.stock_id = d.stock_id AND h.hold_key = d.hold_key AND h.held_until = d.held_until;

    INSERT INTO ticket_stock_holds AS h (stock_id, hold_key, held_until, quantity, seats)
    SELECT c.stock_id, c.hold_key, c.held_until, sum(c.delta)::integer,
           coalesce(array_agg(c.seat ORDER BY c.seat) FILTER (WHERE c.seat IS NOT NULL), '{}')
    FROM unnest(changes) c WHERE c.held_until IS NOT NULL AND c.delta > 0
    GROUP BY c.stock_id, c.hold_key, c.held_until
    ON CONFLICT (stock_id, hold_key, held_until) DO UPDATE
    SET quantity = h.quantity + EXCLUDED.quantity,
        seats = ARRAY(SELECT unnest(h.seats) UNION SELECT unnest(EXCLUDED.seats) ORDER BY 1);

    DELETE FROM ticket_stock_holds h USING (SELECT DISTINCT c.stock_id, c.hold_key, c.held_until FROM unnest(changes) c
                                            WHERE c.held_until IS NOT NULL AND c.delta < 0) d
    WHERE h.stock_id = d.stock_id AND h.hold_key = d.hold_key AND h.held_until = d.held_until AND h.quantity = 0;

    -- Under the lock no other transaction adds a line that can expire, so the earliest one is exact here; lines that
    -- others remove meanwhile only make the true earliest later, and a lower bound stays correct.
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

CREATE FUNCTION tickets_stock_inserted() RETURNS trigger LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    PERFORM ticket_stock_apply(ARRAY(
        SELECT ROW(n.stock_id, coalesce(n.hold_id, ''), n.held_until, n.seat_number, 1)::ticket_change
        FROM new_rows n WHERE NOT n.sold));
    RETURN NULL;
END
$$;

-- Only tickets whose state changed count: a ticket that leaves a state and comes back to it nets to nothing, so an
-- update that leaves tickets as they were touches no stock line.
CREATE FUNCTION tickets_stock_updated() RETURNS trigger LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    PERFORM ticket_stock_apply(ARRAY(
        SELECT ROW(c.stock_id, c.hold_key, c.held_until, c.seat, sum(c.delta)::integer)::ticket_change
        FROM (SELECT stock_id, coalesce(hold_id, '') AS hold_key, held_until, seat_number AS seat, -1 AS delta
              FROM old_rows WHERE NOT sold
              UNION ALL
              SELECT stock_id, coalesce(hold_id, ''), held_until, seat_number, 1 FROM new_rows WHERE NOT sold) c
        GROUP BY c.stock_id, c.hold_key, c.held_until, c.seat HAVING sum(c.delta) <> 0));
    RETURN NULL;
END
$$;

CREATE FUNCTION tickets_stock_deleted() RETURNS trigger LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    PERFORM ticket_stock_apply(ARRAY(
        SELECT ROW(o.stock_id, coalesce(o.hold_id, ''), o.held_until, o.seat_number, -1)::ticket_change
        FROM old_rows o WHERE NOT o.sold));
    RETURN NULL;
END
$$;

CREATE TRIGGER tickets_stock_inserted AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tickets_stock_inserted();
CREATE TRIGGER tickets_stock_updated AFTER UPDATE ON tickets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tickets_stock_updated();
CREATE TRIGGER tickets_stock_deleted AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tickets_stock_deleted();

-- GA seat picking starts at a random ticket id among the free ones, so it neither scans past the tickets earlier
-- holds took nor queues behind concurrent pickers; tickets of expired holds are found by their own index.
CREATE INDEX tickets_free_by_row ON tickets (row_id, id) WHERE NOT sold AND held_until IS NULL;
CREATE INDEX tickets_held_by_row ON tickets (row_id, held_until) WHERE NOT sold AND held_until IS NOT NULL;
-- Availability no longer counts tickets per event.
DROP INDEX tickets_unsold_by_event;
