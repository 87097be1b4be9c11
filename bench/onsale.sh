#!/usr/bin/env bash
# Issue #10 benchmark: the on-sale rush. One server and its embedded PostgreSQL on this machine, 64 partners with a
# rate limit too high to matter, driven by wrk (a C load generator: cheap on 2 cores). Each load runs after the
# previous one drained, on fresh inventory (every hold and sale of the previous load undone in SQL).
# Loads that take tickets (quotes, the flow, pgbench, overload) run in BURSTS rounds of STOCK_SECONDS bursts, each on fresh
# inventory, so that none runs the hot section (5,000 quotes of 2 seats) or a cold event (20) out of stock: a sold-out
# answer is cheap, and a load that ran out would measure sold-out answers instead of quotes. The two search pages take
# turns the same way; the rows reads run SECONDS.
# Usage: bench/onsale.sh [seconds=15] [partners=64] [stock-seconds=3] [bursts=6] [cost-rounds=5]   Output: bench/results/onsale-<date>.md
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-15}; PARTNERS=${2:-64}; STOCK_SECONDS=${3:-3}; BURSTS=${4:-6}; COST_ROUNDS=${5:-5}
command -v wrk > /dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -q wrk > /dev/null; }
source bench/lib.sh onsale
start_server
KEY=bench-operator-key-0123456789abcdefghij
make_buyers "$BASE" "$PARTNERS" "Onsale" "$WORK/tokens"
python3 bench/onsale_catalogue.py "$BASE" "$KEY" "$WORK"
HOT=$(cat "$WORK/hot")
PARTNER=$(psql -Atc "SELECT id FROM partners ORDER BY created_at LIMIT 1")

# Fresh inventory, a settled database and an idle server before each load. First the oversold check of the load before: a ticket in two of
# its quotes that are both live or consumed (ordered) would have been sold twice. Then that load's quotes are expired
# and every ticket is returned to sale.
# Kept in files, like the bursts' results.
OVERSOLD=$WORK/oversold; echo 0 > "$OVERSOLD"; RESET=$WORK/reset; psql -Atc "SELECT now()" > "$RESET"
fresh() {
  local twice
  twice=$(psql -Atc "SELECT count(*) FROM (SELECT ticket FROM quotes, unnest(ticket_ids) ticket
    WHERE created_at >= '$(cat "$RESET")' AND (status = 'consumed' OR expires_at > now()) GROUP BY ticket HAVING count(*) > 1) t")
  echo $(( $(cat "$OVERSOLD") + twice )) > "$OVERSOLD"
  psql -q -c "UPDATE quotes SET expires_at = now() WHERE status = 'active' AND expires_at > now()" \
    -c "UPDATE tickets SET sold = false, hold_id = NULL, held_until = NULL WHERE sold OR held_until IS NOT NULL"
  psql -Atc "SELECT now()" > "$RESET"
  settle
}
# The database settled before a load: the dead row versions the writes before it left are vacuumed now (0.1-0.2 s),
# so that autovacuum does not pick one load at random to land on, and the server is idle.
settle() {
  psql -q -c "VACUUM"
  until [ "$(psql -Atc "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend'")" -le 1 ]; do
    sleep 0.2
  done
}
# LIVE random tickets of the event's SECTION held, each by its own hold, for an hour.
hold_live() {
  psql -q -c "UPDATE tickets SET hold_id = 'qt_live_' || id, held_until = now() + interval '1 hour' WHERE id IN (
    SELECT t.id FROM tickets t JOIN sections s ON s.id = t.section_id WHERE t.event_id = '$1' AND s.name = '$2'
    ORDER BY random() LIMIT $3)"
  settle
}
# One wrk load: prints its RESULT line.   Usage: load CONNECTIONS SECONDS KIND EVENTS-FILE SECTION [extra env]
load() {
  local connections=$1 seconds=$2 kind=$3 events=$4 section=$5 threads=2
  [ "$connections" -lt 2 ] && threads=1
  stolen env KIND=$kind TOKENS=$WORK/tokens EVENTS=$events SECTION=$section "${@:6}" \
    wrk -t$threads -c"$connections" -d"${seconds}s" --timeout 2s -s bench/wrk/onsale.lua "$BASE"
}
flow() { # the quote -> order flow: one partner per wrk thread and connection
  stolen env TOKENS=$WORK/tokens EVENTS=$1 SECTION=S1 wrk -t"$PARTNERS" -c"$PARTNERS" -d"${STOCK_SECONDS}s" --timeout 2s \
    -s bench/wrk/orders.lua "$BASE"
}
# Runs a wrk command and prints its RESULT fields plus steal_pct: the share of the machine's CPU time its hypervisor
# gave to other guests meanwhile (/proc/stat). These machines are shared: a load's p99 stretches with its steal.
stolen() {
  local before result
  before=$(head -1 /proc/stat)
  result=$("$@" | grep '^RESULT' | cut -d' ' -f2-)
  echo "$result steal_pct=$(steal_since "$before")"
}
# Percent of the CPU time since the /proc/stat line BEFORE that was stolen.   Usage: steal_since "$(head -1 /proc/stat)"
steal_since() {
  python3 -c 'import sys; a, b = ([int(x) for x in l.split()[1:9]] for l in sys.argv[1:]); d = [y - x for x, y in zip(a, b)]
print(f"{100 * d[7] / max(1, sum(d)):.1f}")' "$1" "$(head -1 /proc/stat)"
}
# BURSTS rounds of loads that take tickets: each round runs every named load once, each after fresh(), and keeps
# its RESULT line in $WORK/burst-NAME. Loads compared with one another take turns, so that warming up and the
# machine's drift weigh on them alike: every second round runs them in reverse order (A B C, C B A, ...), because
# the server still speeds up from round to round, and a fixed order handed the first load the slowest place every
# time; with an even BURSTS each load holds each place equally often. Before them one round that is not kept (round
# 0, in reverse order): the loads of a group had not run for minutes, and the first of them paid for warming up again.
# Usage: rounds NAME...   (NAME: a function below that prints a RESULT line)
rounds() {
  local n name order out
  for n in $(seq 0 "$BURSTS"); do
    mapfile -t order < <(in_turn "$n" "$@")
    for name in "${order[@]}"; do
      out=$WORK/burst-$name; [ "$n" -eq 0 ] && out=/dev/null
      fresh; "$name" >> "$out"; echo >> "$out"
    done
  done
}
# ITEMs one per line, in reverse order when ROUND is even.   Usage: in_turn ROUND ITEM...
in_turn() {
  local round=$1; shift
  if [ $((round % 2)) -eq 0 ]; then printf '%s\n' "$@" | tac; else printf '%s\n' "$@"; fi
}
# One load's bursts merged: counts and seconds summed, rates recomputed from them, p50 and mean averaged, p99 and max
# the worst burst's.
merged() {
  python3 -c '
import sys
runs = [dict(kv.split("=") for kv in line.split()) for line in open(sys.argv[1]) if line.strip()]
merged = {k: sum(float(r[k]) for r in runs) for k in runs[0]}
for k in ("p99_ms", "max_ms"):
    if k in merged: merged[k] = max(float(r[k]) for r in runs)
for k in ("p50_ms", "mean_ms", "steal_pct"):
    if k in merged: merged[k] /= len(runs)
merged["ok_per_s"] = merged["ok"] / merged["seconds"]
print(" ".join(f"{k}={v:.1f}" if k.endswith(("_s", "_ms", "_pct", "seconds")) else f"{k}={v:.0f}" for k, v in merged.items()))' "$WORK/burst-$1"
}
spread_quotes() { load "$PARTNERS" "$STOCK_SECONDS" quote "$WORK/cold" S1; }
seated_quotes() { load "$PARTNERS" "$STOCK_SECONDS" quote "$WORK/hot" S1; }
ga_quotes() { load "$PARTNERS" "$STOCK_SECONDS" quote "$WORK/hot" FLOOR; }
overload_quotes() { load $((PARTNERS * 4)) "$STOCK_SECONDS" quote "$WORK/hot" S1; }
# The two search pages are compared with each other, so they take turns too (machine drift was larger than their gap).
search_hot() { load "$PARTNERS" "$STOCK_SECONDS" search "$WORK/hot" S1 VENUE="$(cat "$WORK/venue-with-hot")"; }
search_cold() { load "$PARTNERS" "$STOCK_SECONDS" search "$WORK/hot" S1 VENUE="$(cat "$WORK/venue-cold-only")"; }
spread_flow() { flow "$WORK/cold"; }
hot_flow() { flow "$WORK/hot"; }
# The flow's SQL in pgbench for STOCK_SECONDS on fresh inventory; prints the flows that ended in a confirmed order.
pgbench_flows() {
  local before
  before=$(psql -Atc "SELECT count(*) FROM orders WHERE id LIKE 'ord_pgb_%' AND status = 'confirmed'")
  pgbench -n -M prepared -c "$PARTNERS" -j 2 -T "$STOCK_SECONDS" -D rows=200 -D partner="$PARTNER" \
    -f bench/order-flow.pgbench > /dev/null 2>&1
  echo "ok=$(( $(psql -Atc "SELECT count(*) FROM orders WHERE id LIKE 'ord_pgb_%' AND status = 'confirmed'") - before )) seconds=$STOCK_SECONDS"
}
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k {print $2}'; }
ratio() { python3 -c "print(f'{float($1) / float($2):.2f}')"; }
row() { echo "| $1 | $(field "$2" ok_per_s) | $(field "$2" p50_ms) | $(field "$2" p99_ms) | $3 | $(field "$2" error_5xx) | $(field "$2" timeouts) | $(field "$2" unavailable_503) | $(field "$2" steal_pct) |"; }

{
echo "# On-sale benchmark (wrk), $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores; $($JAVA -version 2>&1 | head -1); the server, its embedded PostgreSQL and wrk share the machine."
echo "Hot event: S1 of 200 ranked rows x 50 seats and a GA floor of 60,000; 200 cold events of 2 rows x 20 seats."
echo "$PARTNERS partners; wrk 2 threads, $PARTNERS connections, client timeout 2 s. Rows reads: ${SECONDS_PER_RUN} s per load."
echo "Loads that take tickets, and the two search pages: $BURSTS rounds of ${STOCK_SECONDS} s bursts, each on fresh inventory (so none runs out of stock);"
echo "loads compared with one another take turns within a round, in reverse order every second round, after a warm-up round of their own;"
echo "one warm-up round of every load first."
echo "The flow: one partner per wrk thread and connection. Fresh inventory, a vacuumed database and an idle server before each load."
echo
psql -q -c "DROP TABLE IF EXISTS bench_rows" -c "CREATE TABLE bench_rows AS SELECT row_number() OVER (ORDER BY r.id) AS n, r.id, s.event_id, s.id AS section_id FROM seat_rows r JOIN sections s ON s.id = r.section_id WHERE s.event_id = '$HOT' AND s.name = 'S1'" -c "CREATE UNIQUE INDEX ON bench_rows (n)" -c "ANALYZE bench_rows"
BURSTS=0 rounds spread_quotes seated_quotes ga_quotes spread_flow hot_flow pgbench_flows search_hot search_cold # the server's warm-up
loads_began=$(head -1 /proc/stat)
rounds spread_quotes seated_quotes ga_quotes
spread=$(merged spread_quotes); seated=$(merged seated_quotes); ga=$(merged ga_quotes)
fresh; rows_fresh=$(load "$PARTNERS" "$SECONDS_PER_RUN" rows "$WORK/hot" S1)
hold_live "$HOT" S1 5000
rows_held=$(load "$PARTNERS" "$SECONDS_PER_RUN" rows "$WORK/hot" S1)
rows_single=$(load 1 "$SECONDS_PER_RUN" rows "$WORK/hot" S1)
door_single=$(load 1 5 door "$WORK/hot" S1)
rounds search_hot search_cold
search_hot=$(merged search_hot); search_cold=$(merged search_cold)
rounds spread_flow hot_flow pgbench_flows
flow_spread=$(merged spread_flow); flow_hot=$(merged hot_flow); pgbench_tps=$(field "$(merged pgbench_flows)" ok_per_s)
psql -q -c "DROP TABLE bench_rows"
rounds overload_quotes
overload=$(merged overload_quotes)
loads_steal=$(steal_since "$loads_began")

echo "## Loads"
echo
echo "| load | answers/s (2xx) | p50 ms | p99 ms | ratio | 5xx | timeouts | 503 | steal % |"
echo "|---|---|---|---|---|---|---|---|---|"
row "quotes spread over the 200 cold events (2 seats, best row)" "$spread" "1.00"
row "quotes, hot section S1 (2 seats, best row)" "$seated" "$(ratio "$(field "$seated" ok_per_s)" "$(field "$spread" ok_per_s)") × spread"
row "quotes, hot GA floor (2 tickets)" "$ga" "$(ratio "$(field "$ga" ok_per_s)" "$(field "$spread" ok_per_s)") × spread"
row "rows of S1, no holds" "$rows_fresh" ""
row "rows of S1 with 5,000 live holds" "$rows_held" "$(ratio "$(field "$rows_held" ok_per_s)" "$(field "$rows_fresh" ok_per_s)") × no holds"
row "rows of S1 with 5,000 live holds, 1 client" "$rows_single" ""
row "the machine's floor: the door's refusal without credentials (401, 429; no database), 1 client, 5 s" "$door_single" ""
row "events search, page of 20 with the hot event" "$search_hot" "$(ratio "$(field "$search_hot" ok_per_s)" "$(field "$search_cold" ok_per_s)") × without"
row "events search, page of 20 cold events" "$search_cold" ""
echo "| quote → order flow, spread ($PARTNERS partners) | $(field "$flow_spread" ok_per_s) orders/s | | $(field "$flow_spread" p99_ms) | 1.00 | $(field "$flow_spread" error_5xx) | $(field "$flow_spread" timeouts) | $(field "$flow_spread" unavailable_503) | $(field "$flow_spread" steal_pct) |"
echo "| quote → order flow, hot S1 | $(field "$flow_hot" ok_per_s) orders/s | | $(field "$flow_hot" p99_ms) | $(ratio "$(field "$flow_hot" ok_per_s)" "$(field "$flow_spread" ok_per_s)") × spread | $(field "$flow_hot" error_5xx) | $(field "$flow_hot" timeouts) | $(field "$flow_hot" unavailable_503) | $(field "$flow_hot" steal_pct) |"
echo "| the flow's SQL in pgbench, hot S1 (random rows; flows that confirmed an order) | $pgbench_tps flows/s | | | API hot = $(ratio "$(field "$flow_hot" ok_per_s)" "$pgbench_tps") × | | | | |"
row "overload: hot S1 quotes at $((PARTNERS * 4)) connections" "$overload" ""
echo
echo "steal %: the share of the machine's CPU time its hypervisor gave to other guests during the load (/proc/stat);"
echo "$loads_steal % over all the loads above. Latencies stretch with it, a single client's p99 most."
echo
echo "Answer counts: spread $(field "$spread" ok) created, $(field "$spread" sold_out_422) sold out; hot S1 $(field "$seated" ok) / $(field "$seated" sold_out_422);"
echo "GA $(field "$ga" ok) / $(field "$ga" sold_out_422); overload $(field "$overload" ok) created, $(field "$overload" sold_out_422) sold out, $(field "$overload" unavailable_503) answered 503, max latency $(field "$overload" max_ms) ms."
echo
echo "Oversold over all loads (a ticket in two live quotes, checked after each load): $(cat "$OVERSOLD")."
soldout=$(( $(field "$seated" sold_out_422) + $(field "$ga" sold_out_422) + $(field "$overload" sold_out_422) ))
[ "$soldout" -eq 0 ] || echo "**Stock ran out in a hot load ($soldout sold-out answers): shorten stock-seconds.**"
echo
echo "## Cost against the crowd (1 client, 200 requests each: median latency in ms, and the mean in brackets; each the median of $COST_ROUNDS rounds)"
echo
echo "Each round measures every cell once, so that the machine's drift over the minutes this takes spreads over all of them;"
echo "every second round takes the cells in reverse order. The median answer is the cost of the work; the mean adds the"
echo "machine's pauses (a collection, a checkpoint), which land on whichever cell is running."
echo
echo "| section | live holds | seated quote | GA quote | rows read |"
echo "|---|---|---|---|---|"
: > "$WORK/costs"
cells=()
for size in 1000 10000 60000; do
  for live in 0 1000 10000; do
    [ "$live" -lt "$size" ] || continue # no more holds than tickets
    for what in "quote S1" "quote FLOOR" "rows S1"; do cells+=("$size $live $what"); done
  done
done
for round in $(seq 1 "$COST_ROUNDS"); do
  mapfile -t order < <(in_turn "$round" "${cells[@]}")
  for cell in "${order[@]}"; do
    set -- $cell
    fresh; hold_live "$(cat "$WORK/cost-$1")" "$4" "$2"
    result=$(load 1 3 "$3" "$WORK/cost-$1" "$4" REQUESTS=200)
    echo "$1 $2 $3-$4 $(field "$result" p50_ms) $(field "$result" mean_ms)" >> "$WORK/costs"
  done
done
python3 - "$WORK/costs" <<'TABLE'
import statistics, sys
cells = {}
for line in open(sys.argv[1]):
    size, live, what, p50, mean = line.split()
    cells.setdefault((int(size), int(live)), {}).setdefault(what, []).append((float(p50), float(mean)))
for size in (1000, 10000, 60000):
    for live in (0, 1000, 10000):
        row = cells.get((size, live))
        values = [f"{statistics.median(p for p, _ in row[w]):.2f} ({statistics.median(m for _, m in row[w]):.2f})"
                  if row else "–" for w in ("quote-S1", "quote-FLOOR", "rows-S1")]
        print(f"| {size} tickets | {live} | " + " | ".join(values) + " |")
TABLE
echo
echo "ERROR lines in the server log: $(grep -c ' ERROR ' "$WORK/server.log" || true)"
} | tee "$OUT"
if grep -q ' ERROR ' "$WORK/server.log"; then cp "$WORK/server.log" "${OUT%.md}-server.log"; fi
echo "written to $OUT"
