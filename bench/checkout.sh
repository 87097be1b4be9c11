#!/usr/bin/env bash
# Issue #5 benchmark: merchant-of-record checkouts paid on the sandbox (event -> webhook -> booked basket) and voucher
# PDF throughput. Usage: bench/checkout.sh [baskets] [clients] [seconds]   Output: bench/results/checkout-<date>.md
set -euo pipefail
cd "$(dirname "$0")/.."
BASKETS=${1:-400}; CLIENTS=${2:-8}; SECONDS_PER_RUN=${3:-20}
source bench/lib.sh checkout
start_server
{
echo "# Checkout and voucher benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores; $($JAVA -version 2>&1 | head -1); server, PostgreSQL and load generator share the machine."
echo
"$JAVA" bench/CheckoutBench.java $BASE bench-operator-key-0123456789abcdefghij "$BASKETS" "$CLIENTS" "$SECONDS_PER_RUN"
} | tee "$OUT"
echo "written to $OUT"
