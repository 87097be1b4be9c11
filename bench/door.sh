#!/usr/bin/env bash
# Issue #9 benchmark: what the Spring Security doors cost. Packages the server as it was before them (a git revision,
# by default the last commit before the doors) and as it is now, then runs the discovery and the quote -> order
# benchmarks against each, alternately (before, after, before, after) in one run, so the two share the machine's mood.
# Usage: bench/door.sh [before-rev=772222d] [events=1000] [clients=32] [seconds=15]   Output: bench/results/door-<date>.md
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE_REV=${1:-772222d}; EVENTS=${2:-1000}; CLIENTS=${3:-32}; SECONDS_PER_RUN=${4:-15}
source bench/lib.sh door
AFTER_JAR=$JAR
git worktree add -q --detach "$WORK/before" "$BEFORE_REV"
(cd "$WORK/before" && ./mvnw -q -B -DskipTests package)
BEFORE_JAR=$(ls "$WORK"/before/target/boxoffice-*.jar | grep -v original | head -1)
KEY=bench-operator-key-0123456789abcdefghij
trap 'git worktree remove --force "$WORK/before" 2>/dev/null; rm -rf "$WORK"' EXIT

# One measurement: a fresh server from the given jar on its own scratch data, the catalogue loaded, both benchmarks.
measure() {
  local label=$1 jar=$2 round=$3 data="$WORK/data-$1-$3"
  BOXOFFICE_DATA_DIR=$data BOXOFFICE_DEMO=false BOXOFFICE_ADMIN_KEY=$KEY PORT=$PORT \
    "$JAVA" -Xmx1g -jar "$jar" > "$WORK/server-$label-$round.log" 2>&1 &
  local server=$!
  until curl -sf -o /dev/null "$BASE/actuator/health"; do sleep 0.2; done
  "$JAVA" bench/CatalogBench.java $BASE $KEY "$EVENTS" "$CLIENTS" "$SECONDS_PER_RUN" > "$WORK/catalog-$label-$round.out"
  "$JAVA" bench/OrderFlowBench.java $BASE $KEY 0 "$CLIENTS" "$SECONDS_PER_RUN" 2 > "$WORK/orders-$label-$round.out"
  kill $server; wait $server 2>/dev/null || true
  grep -E '^\| GET' "$WORK/catalog-$label-$round.out" | sed "s/^| /| $label $round | /"
  grep -Eo 'flows completed: .*' "$WORK/orders-$label-$round.out" | sed "s/^/    $label $round: /" >> "$WORK/flows.txt"
}

{
echo "# Door cost benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores; $($JAVA -version 2>&1 | head -1); server, PostgreSQL and load generator share the machine."
echo "Before: $BEFORE_REV (hand-written gate filters, in-memory buckets). After: $(git rev-parse --short HEAD) (Spring Security"
echo "doors, Bucket4j PostgreSQL buckets). $EVENTS events, $CLIENTS clients, ${SECONDS_PER_RUN} s per endpoint."
echo
echo "| build round | endpoint | clients | requests | throughput (req/s) | p50 (ms) | p99 (ms) | max (ms) | errors |"
echo "|---|---|---|---|---|---|---|---|---|"
: > "$WORK/flows.txt"
for round in 1 2; do
  measure before "$BEFORE_JAR" $round
  measure after "$AFTER_JAR" $round
done
echo
echo "Quote → order flows ($CLIENTS partners):"
echo
cat "$WORK/flows.txt"
} | tee "$OUT"
echo "written to $OUT"
