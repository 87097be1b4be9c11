#!/usr/bin/env bash
# Issue #13 crash test (minutes; not part of the unit suite). The packaged server under load from 16 partners that
# quote and order with retries under the same Idempotency-Key (bench/CrashLoad.java), while this script SIGKILLs:
#   embedded default:  the server alone (its PostgreSQL is left running), the server with its PostgreSQL (a container
#                      or power loss), the embedded PostgreSQL alone (the OOM killer), then SIGTERMs the server (a
#                      rolling restart: graceful shutdown);
#   external database: the server alone, PostgreSQL 15 restarted cleanly, PostgreSQL 15 SIGKILLed and started again,
#                      then the server SIGTERMed.
# After each kill the server is started again if it died (restarts counted), recovery is timed until
# /actuator/health is UP, then payments are reconciled and the invariants checked in SQL: acknowledged orders lost,
# seats sold twice, ledger charges against captured orders per partner, availability = before - sold - held per row.
# Usage: bench/crash.sh [seconds-between-kills=15] [cases="embedded external"]
# Output: bench/results/crash-<date>.md
set -euo pipefail
cd "$(dirname "$0")/.."
GAP=${1:-15}; CASES=${2:-"embedded external"}
source bench/lib.sh crash
KEY=bench-operator-key-0123456789abcdefghij
SIGNING=bench-signing-key-0123456789abcdefghijklmnopqrstuv
PG15=/usr/lib/postgresql/15/bin
chmod 755 "$WORK"
SERVER=""
cleanup() { set +e; [ -n "$SERVER" ] && kill -9 "$SERVER" 2>/dev/null; pkill -9 -f "postgres -D $WORK" 2>/dev/null
            [ -d "$WORK/pg15" ] && runuser -u postgres -- "$PG15/pg_ctl" -D "$WORK/pg15" stop -m immediate > /dev/null 2>&1
            rm -rf "$WORK"; true; }
trap cleanup EXIT
now() { date +%s.%N; }
auth="Authorization: Bearer $KEY"; json='Content-Type: application/json'

# Starts the server for case $1 (its log appends to $WORK/server-$1.log); returns once health is UP. Sets STARTS (1
# when the first start after a crash works), UP (seconds from $2, or from now, until UP) and SERVER (its pid).
start_server() {
  local case=$1 began=${2:-$(now)} starts=0
  while :; do
    starts=$((starts + 1))
    if [ "$case" = external ]; then
      env BOXOFFICE_DB_URL=jdbc:postgresql://127.0.0.1:15433/postgres BOXOFFICE_DB_USER=postgres BOXOFFICE_DB_PASSWORD=x \
        BOXOFFICE_DEMO=false BOXOFFICE_ADMIN_KEY=$KEY BOXOFFICE_TOKEN_SIGNING_KEY=$SIGNING PORT=$PORT \
        BOXOFFICE_PAYMENTS_IN_FLIGHT=PT5S BOXOFFICE_DATA_DIR=$WORK/data-$case \
        "$JAVA" -Xmx1g -jar "$JAR" >> "$WORK/server-$case.log" 2>&1 &
    else
      env BOXOFFICE_DATA_DIR=$WORK/data-$case BOXOFFICE_DB_EMBEDDED_PORT=15432 BOXOFFICE_DEMO=false \
        BOXOFFICE_ADMIN_KEY=$KEY BOXOFFICE_TOKEN_SIGNING_KEY=$SIGNING PORT=$PORT BOXOFFICE_PAYMENTS_IN_FLIGHT=PT5S \
        "$JAVA" -Xmx1g -jar "$JAR" >> "$WORK/server-$case.log" 2>&1 &
    fi
    SERVER=$!
    until curl -sf -o /dev/null "$BASE/actuator/health"; do
      kill -0 "$SERVER" 2>/dev/null || break
      sleep 0.1
    done
    curl -sf -o /dev/null "$BASE/actuator/health" && break
    [ $starts -ge 5 ] && { echo "server would not start" >&2; tail -30 "$WORK/server-$case.log" >&2; exit 1; }
  done
  STARTS=$starts; UP=$(python3 -c "print(f'{$(now) - $began:.1f}')")
}

# Seconds until health is UP again without restarting anything (the server brings its database back, or the pool its
# connections).
await_up() {
  local began=$1
  sleep 0.2
  until curl -sf -o /dev/null "$BASE/actuator/health"; do sleep 0.1; done
  python3 -c "print(f'{$(now) - $began:.1f}')"
}

pg15() { runuser -u postgres -- "$PG15/pg_ctl" -D "$WORK/pg15" -l "$WORK/pg15/server.log" -w "$@" > /dev/null; }

# The catalogue: one event with section A of 200 ranked rows x 50 seats; 16 partners with sandbox payment set-up.
load_catalogue() {
  local case=$1 base=$BASE venue rows tickets event
  venue=$(curl -s -X POST $base/admin/v1/venues -H "$auth" -H "$json" \
    -d '{"name":"Crash Hall","city":"Springfield","country":"US","timezone":"America/New_York"}' | value '["data"]["venue_id"]')
  rows=$(python3 -c 'import json; print(json.dumps([{"name": str(r), "rank": r} for r in range(1, 201)]))')
  tickets=$(python3 -c 'import json; print(json.dumps({"tickets": [{"section_name": "A", "row_name": str(r), "seat_from": 1, "seat_to": 50, "price": "50.00", "delivery_types": ["mobile_transfer"]} for r in range(1, 201)]}))')
  event=$(curl -s -X POST $base/admin/v1/events -H "$auth" -H "$json" -d "{\"name\":\"Crash Night\",\"venue_id\":\"$venue\",\
\"event_datetime_utc\":\"$(date -u -d '+30 days' +%Y-%m-%dT20:00:00Z)\",\"sections\":[{\"name\":\"A\",\"rows\":$rows}]}" \
    | value '["data"]["event"]["event_id"]')
  curl -s -o /dev/null -X POST $base/admin/v1/events/$event/tickets -H "$auth" -H "$json" -d "$tickets"
  echo "$event" > "$WORK/event-$case"
  make_buyers "$base" 16 "Crash buyer" "$WORK/tokens-$case"
}

postmaster() { head -1 "$WORK/data-embedded/postgres/postmaster.pid"; }

# One case: load, four kills GAP seconds apart, reconcile, invariants. Appends a table row per kill to $WORK/rows.
run_case() {
  local case=$1 out=$WORK/load-$1 result recovered pid
  mkdir -p "$out"
  if [ "$case" = external ]; then
    mkdir -p "$WORK/pg15" && chown postgres "$WORK/pg15"
    runuser -u postgres -- "$PG15/initdb" -A trust -U postgres -D "$WORK/pg15" > /dev/null
    printf "port = 15433\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 200\n" \
      >> "$WORK/pg15/postgresql.conf"
    pg15 start
  fi
  start_server "$case"
  load_catalogue "$case"
  "$JAVA" bench/CrashLoad.java "$BASE" "$WORK/tokens-$case" "$(cat "$WORK/event-$case")" $((GAP * 5)) "$out" &
  local load=$!
  for kill in 1 2 3 4; do
    sleep "$GAP"
    local began what restarts="0" recovery
    began=$(now)
    case "$case-$kill" in
      *-1) what="server SIGKILL"; kill -9 "$SERVER"; wait "$SERVER" 2>/dev/null || true
           start_server "$case" "$began"; restarts=$STARTS; recovery=$UP ;;
      embedded-2) what="server + its PostgreSQL SIGKILL"; pid=$(postmaster)
           kill -9 "$SERVER" "$pid"; pkill -9 -P "$pid" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true
           start_server "$case" "$began"; restarts=$STARTS; recovery=$UP ;;
      embedded-3) what="embedded PostgreSQL SIGKILL"; kill -9 "$(postmaster)"; recovery=$(await_up "$began") ;;
      external-2) what="PostgreSQL 15 clean restart"; pg15 restart -m fast; recovery=$(await_up "$began") ;;
      external-3) what="PostgreSQL 15 SIGKILL, started again"; kill -9 "$(head -1 "$WORK/pg15/postmaster.pid")"
           sleep 1; rm -f "$WORK/pg15/postmaster.pid"; pg15 start; recovery=$(await_up "$began") ;;
      *-4) what="server SIGTERM (a rolling restart)"; kill -TERM "$SERVER"; wait "$SERVER" 2>/dev/null || true
           start_server "$case" "$began"; restarts=$STARTS; recovery=$UP ;;
    esac
    echo "| $case | $what | $restarts | $recovery |" | tee -a "$WORK/kills" >&2
  done
  wait "$load"
  sleep 6 # past the in-flight window (BOXOFFICE_PAYMENTS_IN_FLIGHT=PT5S): cut-off payments can now be asked about
  curl -s -o /dev/null -X POST "$BASE/admin/v1/payments/reconcile" -H "$auth"
  curl -s -o /dev/null -X POST "$BASE/admin/v1/payments/reconcile" -H "$auth"
  invariants "$case" "$out" | tee -a "$WORK/invariants" >&2
  cp "$WORK/server-$case.log" "${OUT%.md}-server-$case.log"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  [ "$case" = external ] && pg15 stop -m fast
  true
}

# The invariants, read from the database and the API after reconciliation.
invariants() {
  local case=$1 out=$2 db event
  event=$(cat "$WORK/event-$case")
  if [ "$case" = external ]; then db="postgresql://postgres@127.0.0.1:15433/postgres"; else
    db="postgresql://postgres:postgres@127.0.0.1:15432/postgres"; fi
  CASE=$case OUT=$out DB=$db EVENT=$event BASE=$BASE TOKEN=$(head -1 "$WORK/tokens-$case") \
    ERRORS=$(grep -c ' ERROR ' "$WORK/server-$case.log" || true) python3 bench/crash_invariants.py
}

for case in $CASES; do run_case "$case"; done
{
echo "# Crash test (bench/crash.sh), $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores; $($JAVA -version 2>&1 | head -1); server, PostgreSQL and the load share the machine."
echo "Load: 16 partners quoting 2 seats and ordering them, retrying under the same Idempotency-Key; a kill every ${GAP} s."
echo
echo "| case | kill | starts needed | seconds until UP |"
echo "|---|---|---|---|"
cat "$WORK/kills"
echo
echo "| case | requests | acknowledged orders | 500s seen | 503s seen | no answer | ERROR log lines | orders lost | seat errors | ledger mismatches | rows off | unresolved |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
cat "$WORK/invariants"
} | tee "$OUT"
