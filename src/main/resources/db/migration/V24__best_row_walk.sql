-- The best-row choice reads a few rows, however many the section has and however many are sold out or held (issue
-- #10: hot seated quotes at 0.70-0.79 x spread). It grouped every line of the section with anything available, sorted
-- the rows and kept the first 8 (V21): the hot section's 200 lines cost a quote of the best row far more than a cold
-- event's 2, and more still per line in a section of 500 rows. Now the lines that have anything available (free ones, in
-- the partial index below, and the few whose holds have expired but are not swept yet) are walked in (rank, price,
-- place) order, so each row first appears at its rank and lowest available price: the order in which rows are to be
-- tried. Each new row is judged from all of its lines, as before, and the walk stops at the first `wanted` rows that
-- may have the tickets: in an on-sale the first row it meets.
CREATE INDEX ticket_stock_open ON ticket_stock (event_id, section_id, row_rank, price_minor, row_place) WHERE free > 0;

-- The walk: the free lines come in index order through a cursor, which reads only as far as the walk goes; the lines
-- whose holds have expired (few: the sweeper folds them back within seconds) are found first, from the event's hold
-- lines in expiry order (the first 64, stopping at the first that has not expired; all of them if the sweeper is
-- that far behind), and merged in. Each row met for the first time is judged from all of its lines: a seated row of
-- one stock line and no expired hold by its longest run of free seats; any other row by its count, which may let
-- through a row without the seats side by side: the seats decide when it is tried (HoldService.findBlock).
-- Statements whose plan could read the whole table are written as ordered walks, so that the plan kept for every
-- call (a generic plan, which cannot know that `held_until <= now` is selective) is an index scan.
CREATE TYPE stock_line_key AS (row_rank integer, price_minor bigint, row_place integer, row_id text);

CREATE FUNCTION candidate_rows(event text, section text, ga boolean, quantity integer, tried text[],
                               now timestamptz, wanted integer) RETURNS SETOF text
    LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    free_lines CURSOR FOR
        SELECT s.row_rank, s.price_minor, s.row_place, s.row_id FROM ticket_stock s
        WHERE s.event_id = candidate_rows.event AND s.section_id = candidate_rows.section AND s.free > 0
        ORDER BY s.row_rank, s.price_minor, s.row_place;
    hold record;
    expired_ids bigint[] := '{}';
    expired stock_line_key[] := '{}';
    next_expired integer := 1;
    next_free stock_line_key;
    more_free boolean;
    line stock_line_key;
    seen text[] := tried;
    taken integer := 0;
    fits boolean;
BEGIN
    FOR hold IN SELECT h.stock_id, h.held_until FROM ticket_stock_holds h
                WHERE h.event_id = candidate_rows.event ORDER BY h.held_until LIMIT 64 LOOP
        EXIT WHEN hold.held_until > candidate_rows.now;
        expired_ids := expired_ids || hold.stock_id;
    END LOOP;
    IF cardinality(expired_ids) = 64 THEN -- the sweeper is behind: all of them, however it is planned
        expired_ids := ARRAY(SELECT h.stock_id FROM ticket_stock_holds h
                             WHERE h.event_id = candidate_rows.event AND h.held_until <= candidate_rows.now);
    END IF;
    IF cardinality(expired_ids) > 0 THEN
        expired := ARRAY(SELECT DISTINCT ROW(s.row_rank, s.price_minor, s.row_place, s.row_id)::stock_line_key
                         FROM ticket_stock s WHERE s.id = ANY (expired_ids) AND s.section_id = candidate_rows.section
                         ORDER BY 1);
    END IF;
    OPEN free_lines;
    FETCH free_lines INTO next_free;
    more_free := FOUND;
    LOOP
        IF next_expired <= cardinality(expired) AND (NOT more_free OR expired[next_expired] <= next_free) THEN
            line := expired[next_expired];
            next_expired := next_expired + 1;
        ELSIF more_free THEN
            line := next_free;
            FETCH free_lines INTO next_free;
            more_free := FOUND;
        ELSE
            EXIT;
        END IF;
        CONTINUE WHEN line.row_id = ANY (seen);
        seen := seen || line.row_id;
        SELECT CASE WHEN NOT candidate_rows.ga AND count(*) = 1 AND max(coalesce(x.quantity, 0)) = 0
                    THEN max(s.free_run) >= candidate_rows.quantity
                    ELSE sum(s.free + coalesce(x.quantity, 0)) >= candidate_rows.quantity END
        INTO fits
        FROM ticket_stock s LEFT JOIN LATERAL (
            SELECT sum(h.quantity) AS quantity FROM ticket_stock_holds h
            WHERE s.next_expiry <= candidate_rows.now AND h.stock_id = s.id AND h.held_until <= candidate_rows.now
        ) x ON true
        WHERE s.row_id = line.row_id;
        IF fits THEN
            RETURN NEXT line.row_id;
            taken := taken + 1;
            EXIT WHEN taken = wanted;
        END IF;
    END LOOP;
    CLOSE free_lines;
END
$$;
