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
