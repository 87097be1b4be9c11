-- Rows reads without a window (issue #10: rows of a 10,000-seat section with 5,000 live holds at 1,000 reads/s).
-- A row's longest run of free seats is its one stock line's free_run, unless the row has several stock lines (its
-- seats at different prices or delivery types): then the read needs their seats. It used to find those rows by
-- counting each row's lines in the read itself (a sort and a window over the section's lines, on every read: 60 % of
-- its cost). Now the line knows: shared_row is set on every line of a row once the row has a second line. Lines are
-- never deleted, so the flag never has to go back.
ALTER TABLE ticket_stock ADD COLUMN shared_row boolean NOT NULL DEFAULT false;
UPDATE ticket_stock s SET shared_row = true
WHERE EXISTS (SELECT 1 FROM ticket_stock o WHERE o.row_id = s.row_id AND o.id <> s.id);

-- Two loads adding a row's first two lines at once would each miss the other's uncommitted line: the second waits
-- for the first to commit (a lock per row, held to the end of the transaction), and its check then sees it.
CREATE FUNCTION ticket_stock_line_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ticket_stock row ' || NEW.row_id));
    UPDATE ticket_stock SET shared_row = true
    WHERE row_id = NEW.row_id AND NOT shared_row
      AND EXISTS (SELECT 1 FROM ticket_stock o WHERE o.row_id = NEW.row_id AND o.id <> NEW.id);
    RETURN NULL;
END
$$;
CREATE TRIGGER ticket_stock_line_added AFTER INSERT ON ticket_stock FOR EACH ROW
    EXECUTE FUNCTION ticket_stock_line_added();
