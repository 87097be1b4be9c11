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
