-- Rate-limit buckets shared by every node (Bucket4j's PostgreSQL backend, select-for-update flavour).
-- One row per partner and configured limit; the state is Bucket4j's own serialized bucket.
CREATE TABLE rate_limit_buckets (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
