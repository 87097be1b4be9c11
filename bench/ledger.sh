#!/usr/bin/env bash
# Issue #4 benchmark: ledger posting throughput through the API, and balance/statement times for a partner whose
# ledger holds 1,000,000 entries (500,000 balanced transactions over 100 months, bulk-inserted into the same
# append-only, balance-checked tables). Usage: bench/ledger.sh [transactions] [clients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
TXNS=${1:-500000}; CLIENTS=${2:-8}; SECONDS_PER_RUN=${3:-20}
source bench/lib.sh ledger
start_server
CREATED=$(curl -s -X POST $BASE/admin/v1/partners -H 'Authorization: Bearer bench-operator-key-0123456789abcdefghij' \
  -H 'Content-Type: application/json' -d '{"name":"Ledger bench","billing_model":"merchant_of_record"}')
field() { echo "$CREATED" | python3 -c "import sys, json; print(json.load(sys.stdin)['data']['$1'])"; }
PARTNER=$(field partner_id); CLIENT=$(field client_id); SECRET=$(field client_secret)
MONTH=$(date -u +%Y-%m)
{
echo "# Ledger benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores; $($JAVA -version 2>&1 | head -1); server, PostgreSQL and load generator share the machine."
echo
start=$(date +%s)
psql -q <<SQL
INSERT INTO ledger_transactions (id, partner_id, type, amount_minor, balance_effect_minor, currency, reference, description, created_at)
SELECT 'txn_bulk_' || n, '$PARTNER', 'commission', 100, 100, 'USD', 'bulk-' || n, 'Commission',
       now() - make_interval(secs => ($TXNS - n) * (100 * 30 * 86400.0 / $TXNS)) - interval '1 day'
FROM generate_series(1, $TXNS) AS n;
INSERT INTO ledger_entries (transaction_id, line, account, amount_minor, currency)
SELECT 'txn_bulk_' || n, l, CASE WHEN l = 1 THEN 'expense:commissions' ELSE 'partner:$PARTNER:payable' END,
       CASE WHEN l = 1 THEN 100 ELSE -100 END, 'USD'
FROM generate_series(1, $TXNS) AS n, generate_series(1, 2) AS l;
ANALYZE ledger_transactions; ANALYZE ledger_entries;
SQL
echo "History: $TXNS transactions, $(psql -Atc "SELECT count(*) FROM ledger_entries") entries over 100 months, bulk-loaded in $(( $(date +%s) - start )) s."
echo
"$JAVA" bench/LedgerBench.java $BASE bench-operator-key-0123456789abcdefghij "$PARTNER" "$CLIENT" "$SECRET" "$CLIENTS" "$SECONDS_PER_RUN" "$MONTH"
} | tee "$OUT"
echo "written to $OUT"
