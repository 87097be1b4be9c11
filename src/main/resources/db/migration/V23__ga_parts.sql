-- A GA floor's stock in parts (issue #10: hot GA quotes at 0.70 x spread). Every buyer of a GA floor changed its one
-- stock line, so each waited at commit for all the others (41 ms per quote measured). A GA load now deals its tickets
-- into 8 stock lines of the same row, price and delivery types, by their id: part = the id's first hex digit / 2.
-- Seat picking on a GA row already starts at a random ticket id and takes the next free ones in id order (V15,
-- HoldRepository.lockAny), so a hold takes its tickets from one part, nearly always, and the buyers of a floor spread
-- over 8 lines (and, since those lines have consecutive ids, over 8 of the event's stripes, V22) instead of one.
-- Nothing else changes: a row of several lines is read as the sum of its lines, as a seated row at several prices
-- already is. Seated rows keep one line (part 0): their buyers all want the first free seats of the best row.
--
-- GA tickets loaded before this version stay on their one line (part 0), and sell exactly as before; loads from now
-- on deal theirs.

ALTER TABLE ticket_stock ADD COLUMN part smallint NOT NULL DEFAULT 0 CHECK (part BETWEEN 0 AND 7);
ALTER TABLE ticket_stock DROP CONSTRAINT ticket_stock_row_id_price_minor_delivery_types_key;
ALTER TABLE ticket_stock ADD UNIQUE (row_id, price_minor, delivery_types, part);

-- The part of a GA ticket id ('tkt_' and 32 hex digits): ids in one part are neighbours in id order.
CREATE FUNCTION ga_part(ticket_id text) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (('x' || substr(ticket_id, 5, 1))::bit(4)::integer / 2)::smallint
$$;
