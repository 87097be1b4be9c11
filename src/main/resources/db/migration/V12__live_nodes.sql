-- The application nodes that are alive: each writes its row at start and refreshes seen_at every few seconds
-- (database time). A node whose row is stale has died; what it had in progress may be taken over at once.
CREATE TABLE nodes (
    id         text PRIMARY KEY,
    started_at timestamptz NOT NULL,
    seen_at    timestamptz NOT NULL
);

-- The node running a key's first request, so a retry after that node's crash need not wait out the abandon window.
ALTER TABLE idempotency_keys ADD COLUMN node_id text;
