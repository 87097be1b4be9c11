#!/usr/bin/env bash
# Issue #3 benchmark: token -> quote -> order with 64 concurrent partners over a 1,000,000-ticket catalogue, the same
# flow's SQL with pgbench on the same PostgreSQL, and a 500-client race for the last seats of a row.
# Usage: bench/orders.sh [events] [partners] [seconds] [race-clients]   Output: bench/results/orders-<date>.md
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-10000}; PARTNERS=${2:-64}; SECONDS_PER_RUN=${3:-30}; RACE=${4:-500}
source bench/lib.sh orders
start_server
{
echo "# Order flow benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores; $($JAVA -version 2>&1 | head -1); server, PostgreSQL and load generator share the machine."
echo
"$JAVA" bench/OrderFlowBench.java $BASE bench-operator-key-0123456789abcdefghij "$EVENTS" "$PARTNERS" "$SECONDS_PER_RUN" "$RACE" | tee "$WORK/app.out"
PARTNER=$(awk '/first partner id/{print $4}' "$WORK/app.out")
psql -q -c "DROP TABLE IF EXISTS bench_rows" -c "CREATE TABLE bench_rows AS SELECT row_number() OVER (ORDER BY r.id) AS n, r.id, s.event_id, s.id AS section_id FROM seat_rows r JOIN sections s ON s.id = r.section_id WHERE NOT s.is_ga" -c "CREATE UNIQUE INDEX ON bench_rows (n)" -c "ANALYZE bench_rows"
ROWS=$(psql -Atc "SELECT count(*) FROM bench_rows")
echo
echo "## The same flow as SQL only (pgbench, $PARTNERS clients, ${SECONDS_PER_RUN} s, same database)"
echo
pgbench -n -M prepared -c "$PARTNERS" -j 2 -T "$SECONDS_PER_RUN" -D rows="$ROWS" -D partner="$PARTNER" \
  -f bench/order-flow.pgbench 2>&1 | grep -E 'number of transactions actually processed|latency average|tps =' | sed 's/^/    /'
ORDERS=$(psql -Atc "SELECT count(*) FROM orders WHERE id LIKE 'ord_pgb_%' AND status = 'confirmed'")
echo
echo "pgbench flows that confirmed an order: $ORDERS"
psql -q -c "DROP TABLE bench_rows"
echo
echo "Oversold check over the whole run: tickets held or sold twice is impossible by construction (one hold_id per ticket);"
echo "orders whose tickets are not all sold to them: $(psql -Atc "SELECT count(*) FROM orders o WHERE status = 'confirmed' AND (SELECT count(*) FROM tickets t WHERE t.hold_id = o.id AND t.sold) <> 2")"
} | tee "$OUT"
echo "written to $OUT"
