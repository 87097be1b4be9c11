-- A node keeps the rows answer it made last for each section and serves it again while the section's stock lines are
-- the very ones it was made from (StockRepository.sectionLines). So every version of a stock line carries a number
-- that no other version of any line ever had, taken from a sequence when the line is written; the set of a section's
-- numbers then names the state of all its lines exactly, whatever wrote them (holds, sales, loads, an operator's SQL:
-- the trigger runs for every update). Not indexed, so an update stays heap-only (V25). A sequence's numbers are unique
-- however many backends take them, in whatever order their transactions commit; each backend reserves 32 at a time.
CREATE SEQUENCE ticket_stock_version CACHE 32;
ALTER TABLE ticket_stock ADD COLUMN version bigint NOT NULL DEFAULT nextval('ticket_stock_version');

CREATE FUNCTION ticket_stock_versioned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := nextval('ticket_stock_version');
    RETURN NEW;
END
$$;
CREATE TRIGGER ticket_stock_versioned BEFORE UPDATE ON ticket_stock FOR EACH ROW EXECUTE FUNCTION ticket_stock_versioned();
