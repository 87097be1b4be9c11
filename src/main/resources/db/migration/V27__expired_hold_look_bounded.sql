-- The best-row walk (V24) first looks for the event's hold lines that have expired. It read the event's hold lines in
-- expiry order and stopped at the first one that had not expired. But deleted hold lines keep their index entries
-- until a vacuum, and the look walked past them too. A quote that becomes an order deletes its hold line while its
-- expiry is still to come: later than now, earlier than the newer quotes' live holds. So in an on-sale every quote's
-- look walked past the deleted lines of every quote ordered since the last vacuum before it met a live one. In the
-- on-sale benchmark (issue #10) the look took 0.56-0.90 ms per hot quote, and 0.15-0.18 ms right after a VACUUM.
-- Now it is bounded by now in the index condition: it reads only the lines that have expired, live or deleted (those
-- the sweeper folded back), and stops there. The plan kept for every call (generic) is still the event's expiry
-- index, whose bounds and order these are. Nothing else in the function changes, so it is rewritten from its own
-- definition (as in V25).
DO $$
DECLARE
    walk text := pg_get_functiondef('candidate_rows'::regproc);
    look text := 'WHERE h.event_id = candidate_rows.event ORDER BY h.held_until LIMIT 64';
BEGIN
    IF position(look IN walk) = 0 THEN
        RAISE EXCEPTION 'candidate_rows no longer looks for expired holds as V24 wrote it';
    END IF;
    EXECUTE replace(walk, look,
        'WHERE h.event_id = candidate_rows.event AND h.held_until <= candidate_rows.now ORDER BY h.held_until LIMIT 64');
END
$$;
