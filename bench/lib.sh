# Shared set-up of the benchmark scripts: a JDK 21+, the packaged server, a scratch directory and a result file.
# Usage: source bench/lib.sh NAME   ->   JAVA, JAR, WORK, OUT, PORT, BASE
JAVA=$(bench/java.sh)
./mvnw -q -B -DskipTests package
JAR=$(ls target/boxoffice-*.jar | grep -v original | head -1)
WORK=$(mktemp -d /tmp/boxoffice-bench.XXXX)
mkdir -p bench/results
OUT=bench/results/$1-$(date -u +%Y%m%dT%H%M%SZ).md
PORT=18080
BASE=http://localhost:$PORT

# Starts the packaged server on a scratch database (no demo data, operator key bench-operator-key-0123456789abcdefghij), stops it when the
# script exits, and exports PG* so psql and pgbench reach its embedded PostgreSQL.
start_server() {
  BOXOFFICE_DATA_DIR=$WORK/data BOXOFFICE_DEMO=false BOXOFFICE_ADMIN_KEY=bench-operator-key-0123456789abcdefghij PORT=$PORT \
    "$JAVA" -Xmx1g -jar "$JAR" > "$WORK/server.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$WORK"' EXIT
  until curl -sf -o /dev/null "$BASE/actuator/health"; do sleep 0.2; done
  export PGHOST=127.0.0.1 PGUSER=postgres PGPASSWORD=postgres PGDATABASE=postgres
  PGPORT=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$WORK/server.log" | head -1 | cut -d: -f2)
  export PGPORT
}

value() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }

# COUNT partner-billed partners (sandbox card and payout method, a rate limit too high to matter), each with a token,
# written one per line to TOKENS.   Usage: make_buyers BASE COUNT NAME TOKENS
make_buyers() {
  local base=$1 count=$2 name=$3 tokens=$4 n partner id json='Content-Type: application/json'
  local auth="Authorization: Bearer bench-operator-key-0123456789abcdefghij"
  : > "$tokens"
  for n in $(seq 1 "$count"); do
    partner=$(curl -s -X POST "$base/admin/v1/partners" -H "$auth" -H "$json" -d "{\"name\":\"$name $n\",\"billing_model\":\"partner_billed\"}")
    id=$(echo "$partner" | value '["data"]["partner_id"]')
    curl -s -o /dev/null -X PUT "$base/admin/v1/partners/$id/payment-configuration" -H "$auth" -H "$json" \
      -d '{"payout_method":{"provider":"sandbox","reference":"ba_sandbox"},"card_on_file":{"provider":"sandbox","reference":"tok_visa"}}'
    curl -s -o /dev/null -X PUT "$base/admin/v1/partners/$id/rate-limit" -H "$auth" -H "$json" -d '{"requests_per_second":100000,"burst":100000}'
    curl -s -X POST "$base/v1/auth/token" -H "$json" -d "{\"client_id\":\"$(echo "$partner" | value '["data"]["client_id"]')\",\
\"client_secret\":\"$(echo "$partner" | value '["data"]["client_secret"]')\",\"grant_type\":\"client_credentials\"}" \
      | value '["data"]["access_token"]' >> "$tokens"
  done
}
