#!/usr/bin/env bash
# Issue #9 benchmark: what the Spring Security doors cost. Packages the server as it was before them (a git revision,
# by default the last commit before the doors) and as it is now, starts both side by side (each with its embedded
# PostgreSQL and the same catalogue), and drives them with wrk (a C load generator, cheap on 2 cores) alternately,
# workload by workload and round by round, so both builds see the same machine. Idle, the other server costs nothing.
# Workloads: events search, sections, rows (one partner, 32 connections) and the quote -> order flow (32 partners).
# Usage: [WORKLOADS="search sections rows orders"] bench/door.sh [before-rev=772222d] [rounds=3] [seconds=15] [events=300]
# Output: bench/results/door-<date>.md
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE_REV=${1:-772222d}; ROUNDS=${2:-3}; SECONDS_PER_RUN=${3:-15}; EVENTS=${4:-300}
command -v wrk > /dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -q wrk > /dev/null; }
source bench/lib.sh door
AFTER_JAR=$JAR
git worktree add -q --detach "$WORK/before" "$BEFORE_REV"
(cd "$WORK/before" && ./mvnw -q -B -DskipTests package)
BEFORE_JAR=$(ls "$WORK"/before/target/boxoffice-*.jar | grep -v original | head -1)
KEY=bench-operator-key-0123456789abcdefghij
declare -A PORTS=([before]=18080 [after]=18090) PIDS
cleanup() { for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
            git worktree remove --force "$WORK/before" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# A server of the given build with the same catalogue: EVENTS events of 10 ranked rows x 20 seats in section A.
start() {
  local label=$1 jar=$2 base=http://localhost:${PORTS[$1]} auth="Authorization: Bearer $KEY" json='Content-Type: application/json'
  BOXOFFICE_DATA_DIR=$WORK/data-$label BOXOFFICE_DEMO=false BOXOFFICE_ADMIN_KEY=$KEY PORT=${PORTS[$label]} \
    "$JAVA" -Xmx1g -jar "$jar" > "$WORK/server-$label.log" 2>&1 &
  PIDS[$label]=$!
  until curl -sf -o /dev/null "$base/actuator/health"; do sleep 0.2; done
  local venue rows tickets
  venue=$(curl -s -X POST $base/admin/v1/venues -H "$auth" -H "$json" \
    -d '{"name":"Door Hall","city":"Springfield","country":"US","timezone":"America/New_York"}' | value '["data"]["venue_id"]')
  rows=$(python3 -c 'import json; print(json.dumps([{"name": str(r), "rank": r} for r in range(1, 11)]))')
  tickets=$(python3 -c 'import json; print(json.dumps({"tickets": [{"section_name": "A", "row_name": str(r), "seat_from": 1, "seat_to": 20, "price": "50.00", "delivery_types": ["mobile_transfer"]} for r in range(1, 11)]}))')
  : > "$WORK/events-$label"
  for n in $(seq 1 "$EVENTS"); do
    local event
    event=$(curl -s -X POST $base/admin/v1/events -H "$auth" -H "$json" -d "{\"name\":\"Door Night $n\",\"venue_id\":\"$venue\",\
\"event_datetime_utc\":\"$(date -u -d "+$((n % 60 + 10)) days" +%Y-%m-%dT20:00:00Z)\",\"sections\":[{\"name\":\"A\",\"rows\":$rows}]}" \
      | value '["data"]["event"]["event_id"]')
    curl -s -o /dev/null -X POST $base/admin/v1/events/$event/tickets -H "$auth" -H "$json" -d "$tickets"
    echo "$event" >> "$WORK/events-$label"
  done
  make_buyers "$base" 32 "Door buyer" "$WORK/tokens-$label"
}

# One wrk run; prints requests/s (or orders/s for the flow) and the p99.
run() {
  local label=$1 kind=$2 seconds=$3 base=http://localhost:${PORTS[$1]} out
  if [ "$kind" = orders ]; then
    out=$(TOKENS=$WORK/tokens-$label EVENTS=$WORK/events-$label wrk -t32 -c32 -d${seconds}s --latency -s bench/wrk/orders.lua "$base")
    echo "$(echo "$out" | awk '/^orders/{print $7}') $(echo "$out" | awk '/ 99%/{print $2}') $(echo "$out" | awk '/^orders/{print $NF}')"
  else
    out=$(PATHKIND=$kind TOKEN=$(head -1 "$WORK/tokens-$label") EVENTS=$WORK/events-$label \
      wrk -t2 -c32 -d${seconds}s --latency -s bench/wrk/discovery.lua "$base")
    echo "$(echo "$out" | awk '/Requests\/sec/{print $2}') $(echo "$out" | awk '/ 99%/{print $2}') $(echo "$out" | awk '/Non-2xx/{print $NF}')"
  fi
}

start before "$BEFORE_JAR"
start after "$AFTER_JAR"
{
echo "# Door cost benchmark (wrk), $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores; $($JAVA -version 2>&1 | head -1); both servers, their PostgreSQLs and wrk share the machine."
echo "Before: $BEFORE_REV (hand-written gate filters). After: $(git rev-parse --short HEAD) (Spring Security doors, shared"
echo "Bucket4j buckets). $EVENTS events × 200 seats; wrk 32 connections (the flow: 32 partners, one connection each); ${SECONDS_PER_RUN} s per run after a 5 s warm-up of each."
echo
echo "| workload | round | before (/s) | before p99 | after (/s) | after p99 | after ÷ before |"
echo "|---|---|---|---|---|---|---|"
for kind in ${WORKLOADS:-search sections rows orders}; do
  for label in before after; do run $label $kind 5 > /dev/null; done
  sum_before=0; sum_after=0
  for round in $(seq 1 "$ROUNDS"); do
    read -r b bp be <<< "$(run before $kind "$SECONDS_PER_RUN")"
    read -r a ap ae <<< "$(run after $kind "$SECONDS_PER_RUN")"
    sum_before=$(python3 -c "print($sum_before + $b)"); sum_after=$(python3 -c "print($sum_after + $a)")
    echo "| $kind | $round | $b | $bp | $a | $ap | $(python3 -c "print(f'{$a / $b:.2f}')") |"
  done
  echo "| **$kind, all rounds** | | $sum_before | | $sum_after | | **$(python3 -c "print(f'{$sum_after / $sum_before:.2f}')")** |"
done
} | tee "$OUT"
echo "written to $OUT"
