-- Event search without per-row time-zone arithmetic, and substring name search by trigram index.

-- The event's wall-clock start in its own zone, fixed when the event is written: date filters compare this column.
ALTER TABLE events ADD COLUMN starts_local timestamp;
UPDATE events SET starts_local = starts_at AT TIME ZONE timezone;
ALTER TABLE events ALTER COLUMN starts_local SET NOT NULL;
CREATE INDEX events_starts_local ON events (starts_local);

-- pg_trgm makes "name contains" searches use an index. It is a trusted extension (PostgreSQL 13+), so the database
-- owner may create it; where it cannot be created the searches still work, by scanning.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX events_name_trgm ON events USING gin (name gin_trgm_ops);
    CREATE INDEX venues_name_trgm ON venues USING gin (name gin_trgm_ops);
    CREATE INDEX performers_name_trgm ON performers USING gin (name gin_trgm_ops);
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE NOTICE 'pg_trgm unavailable (%): name searches will scan', SQLERRM;
END
$$;
