-- The best-row choice reads a few rows, not the whole section (issue #10: a quote costs the same in a section of 20
-- rows or of 500). A quote without a row takes the best-ranked row that can seat it, the cheaper on a tie, then the
-- row name; it used to list every row that could seat it and sort them in the JVM. The catalogue's rows never
-- change once their section exists, so each stock line now keeps its row's rank and its place in the section's
-- (rank, name) order, and the database orders the rows and answers only the first few.
ALTER TABLE ticket_stock ADD COLUMN row_rank integer, ADD COLUMN row_place integer;
UPDATE ticket_stock s SET row_rank = r.rank, row_place = r.place
FROM (SELECT id, rank, row_number() OVER (PARTITION BY section_id ORDER BY rank, name) AS place FROM seat_rows) r
WHERE r.id = s.row_id;
ALTER TABLE ticket_stock ALTER COLUMN row_rank SET NOT NULL, ALTER COLUMN row_place SET NOT NULL;
