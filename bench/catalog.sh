#!/usr/bin/env bash
# Issue #2 benchmark: (1) the default run's time from launch to first 200 and its memory, PostgreSQL included;
# (2) a 10,000-event / 1,000,000-ticket catalogue, then search, sections and rows with 32 concurrent clients.
# Usage: bench/catalog.sh [events] [clients] [seconds]     Output: bench/results/catalog-<date>.md
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-10000}; CLIENTS=${2:-32}; SECONDS_PER_RUN=${3:-20}
source bench/lib.sh catalog

rss_kb() { # resident memory of the server and its PostgreSQL, in kB (PSS, so shared pages count once)
  local total=0 p
  for p in $1 $(pgrep -f "$WORK/$2/postgres" || true); do
    if [ -r /proc/$p/smaps_rollup ]; then total=$((total + $(awk '/^Pss:/{print $2}' /proc/$p/smaps_rollup))); fi
  done
  echo $total
}
wait_for() { until curl -sf -o /dev/null "$1"; do sleep 0.02; done; }
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

{
echo "# Catalogue benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $($JAVA -version 2>&1 | head -1); load generator on the same machine."
echo
echo "## Default run (embedded PostgreSQL, demo data)"
echo
for run in first restart; do
  start=$(date +%s%N)
  BOXOFFICE_DATA_DIR=$WORK/default PORT=$PORT "$JAVA" -jar "$JAR" > "$WORK/default-$run.log" 2>&1 &
  pid=$!
  wait_for $BASE/actuator/health
  first200=$(( ($(date +%s%N) - start) / 1000000 ))
  until [ -f "$WORK/default/demo-credentials.txt" ]; do sleep 0.02; done
  demo=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 2 # let the first requests' allocations settle before reading memory
  echo "- $run start: first 200 after **${first200} ms** (demo data ready after ${demo} ms); resident memory (PSS, server + PostgreSQL) **$(( $(rss_kb $pid default) / 1024 )) MB**"
  stop $pid
done
# The same restart with a JDK AOT cache (JDK 25: extracted jar + -XX:AOTCache), trained by one short run.
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" > /dev/null
EXTRACTED="$WORK/extracted/$(basename "$JAR")"
BOXOFFICE_DATA_DIR=$WORK/default PORT=$PORT "$JAVA" -XX:AOTCacheOutput="$WORK/app.aot" -jar "$EXTRACTED" > "$WORK/train.log" 2>&1 &
pid=$!; wait_for $BASE/actuator/health; curl -s -o /dev/null $BASE/v1/events; stop $pid
start=$(date +%s%N)
BOXOFFICE_DATA_DIR=$WORK/default PORT=$PORT "$JAVA" -XX:AOTCache="$WORK/app.aot" -jar "$EXTRACTED" > "$WORK/aot.log" 2>&1 &
pid=$!; wait_for $BASE/actuator/health
echo "- restart with an AOT cache (extracted jar, \`-XX:AOTCache\`): first 200 after **$(( ($(date +%s%N) - start) / 1000000 )) ms**; memory $(( $(rss_kb $pid default) / 1024 )) MB"
stop $pid
echo
echo "## Large catalogue: $EVENTS events, $((EVENTS * 100)) tickets, $CLIENTS clients, ${SECONDS_PER_RUN} s per endpoint"
echo
BOXOFFICE_DATA_DIR=$WORK/large BOXOFFICE_DEMO=false BOXOFFICE_ADMIN_KEY=bench-operator-key-0123456789abcdefghij PORT=$PORT \
  "$JAVA" -Xmx1g -jar "$JAR" > "$WORK/large.log" 2>&1 &
pid=$!
wait_for $BASE/actuator/health
"$JAVA" bench/CatalogBench.java $BASE bench-operator-key-0123456789abcdefghij "$EVENTS" "$CLIENTS" "$SECONDS_PER_RUN"
echo
echo "Service time without queueing (one client, same catalogue):"
echo
"$JAVA" bench/CatalogBench.java $BASE bench-operator-key-0123456789abcdefghij 0 1 10 | tail -4
echo
echo "Resident memory after the run (PSS, server + PostgreSQL): $(( $(rss_kb $pid large) / 1024 )) MB"
stop $pid
} | tee "$OUT"
rm -rf "$WORK"
echo "written to $OUT"
