#!/usr/bin/env bash
# Registry benchmark at national scale (issue 2). Prints RESULT lines; docs/benchmarks.md records them.
#
#   bench/registry/run.sh [data-dir]      (default /tmp/labtrust-national)
#
# 1. builds the jar; loads the national demo registry into data-dir on first use (50,000 bodies,
#    5.3 million scope rows) and reports load and reindex times from the log;
# 2. starts the platform on it (embedded PostgreSQL on port 15432) and measures start-up to serving;
# 3. wrk, 16 connections on 2 threads: search API (Zipf mix of queries.txt) and certificate
#    lookup (2,000 random certificates), once with the answer cache and once without, and
#    lookups spread uniformly over every certificate of the registry (cache on);
# 4. baselines in the same run, same concurrency: the same searches straight against the Lucene
#    index, and PostgreSQL lookups by primary key and by certificate number (bench/registry/Baselines.java);
# 5. a full reindex of the national registry (java -jar labtrust.jar reindex), timed.
# Needs: wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${1:-/tmp/labtrust-national}
PORT=18080
PGPORT=15432
DURATION=${DURATION:-30}
OUT=bench/results
mkdir -p "$OUT"

./mvnw -q -B -DskipTests package
JAR=app/target/labtrust.jar
JAVA_OPTS="-Xmx4g"
COMMON="--labtrust.data-dir=$DATA --labtrust.embedded-db.port=$PGPORT --labtrust.demo.scale=NATIONAL --server.port=$PORT"

. bench/lib.sh
port_free

if [ ! -f "$DATA/postgres/PG_VERSION" ]; then
  echo "== first start: loading the national registry (minutes)"
  java $JAVA_OPTS -jar $JAR $COMMON > "$OUT/national-load.log" 2>&1 &
  APP=$!
  wait_up
  grep -E "Demo registry|Search index rebuilt" "$OUT/national-load.log" | sed 's/^.*: /LOAD /'
  kill $APP; wait $APP || true
fi

# Starts the platform with extra JVM options, waits until it serves, prints the start-up time.
start_app() {
  local label=$1; shift
  local start
  start=$(date +%s.%N)
  java $JAVA_OPTS "$@" -jar $JAR $COMMON > "$OUT/national-$label.log" 2>&1 &
  APP=$!
  wait_up
  echo "RESULT startup-to-serving[$label] seconds=$(echo "$(date +%s.%N) - $start" | bc)"
}

stop_app() {
  kill $APP; wait $APP || true
}

# wrk, 16 connections on 2 threads: warm-up, then the measured run.
measure_http() {
  local label=$1
  wrk -t2 -c16 -d10s -s bench/registry/search.lua "http://localhost:$PORT" >/dev/null
  wrk -t2 -c16 -d${DURATION}s -s bench/registry/search.lua "http://localhost:$PORT" | grep RESULT | sed "s/RESULT/RESULT http-search[$label]/"
  NUMBERS=$OUT/numbers.txt wrk -t2 -c16 -d10s -s bench/registry/certificate.lua "http://localhost:$PORT" >/dev/null
  NUMBERS=$OUT/numbers.txt wrk -t2 -c16 -d${DURATION}s -s bench/registry/certificate.lua "http://localhost:$PORT" | grep RESULT | sed "s/RESULT/RESULT http-certificate[$label]/"
}

trap 'kill $APP 2>/dev/null || true' EXIT
echo "== platform with its answer cache (the default)"
start_app cached
PGPASSWORD=postgres psql -h localhost -p $PGPORT -U postgres -At -c \
  "select number from certificate order by md5(number) limit 2000" postgres > "$OUT/numbers.txt"
PGPASSWORD=postgres psql -h localhost -p $PGPORT -U postgres -At -c \
  "select count(*) || ' bodies, ' || (select count(*) from scope_row) || ' scope rows' from body" postgres | sed 's/^/DATA /'
measure_http cached
# The floor of the HTTP stack on this machine: the same server answering a trivial request.
wrk -t2 -c16 -d${DURATION}s -s bench/registry/floor.lua "http://localhost:$PORT" | grep RESULT | sed "s/RESULT/RESULT http-floor-liveness/"
# A client that accepts gzip, as browsers do, gets the cached bytes without decompression.
NUMBERS=$OUT/numbers.txt wrk -t2 -c16 -d${DURATION}s -H 'Accept-Encoding: gzip' -s bench/registry/certificate.lua \
  "http://localhost:$PORT" | grep RESULT | sed "s/RESULT/RESULT http-certificate-gzip-client[cached]/"
# The whole registry, uniformly: every certificate as likely as any other (the cache's worst case).
PGPASSWORD=postgres psql -h localhost -p $PGPORT -U postgres -At -c \
  "select number from certificate order by md5(number)" postgres > "$OUT/numbers-all.txt"
NUMBERS=$OUT/numbers-all.txt wrk -t2 -c16 -d${DURATION}s -s bench/registry/certificate.lua "http://localhost:$PORT" \
  | grep RESULT | sed "s/RESULT/RESULT http-certificate-whole-registry[cached]/"
curl -s "http://localhost:$PORT/actuator/prometheus" | grep -E '^cache_(gets|size)_total|^cache_gets_total' | sed 's/^/CACHE /' || true
stop_app

echo "== platform with the answer cache off: every request searches the index and the database"
start_app nocache -Dlabtrust.registry.cache.enabled=false
measure_http nocache

echo "== baselines: Lucene direct and PostgreSQL lookups, 16 threads, ${DURATION}s each"
./mvnw -q -B -pl app dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/classpath.txt" -Dmdep.includeScope=runtime
CP=$(cat "$OUT/classpath.txt")
java -Xmx2g -cp "$CP:app/target/classes" bench/registry/Baselines.java "$DATA/index/body" \
  "jdbc:postgresql://localhost:$PGPORT/postgres" bench/registry/queries.txt "$OUT/numbers.txt" 16 "$DURATION"
stop_app
trap - EXIT

echo "== full reindex of the national registry"
START=$(date +%s.%N)
java $JAVA_OPTS -jar $JAR $COMMON reindex > "$OUT/national-reindex.log" 2>&1
echo "RESULT reindex seconds=$(echo "$(date +%s.%N) - $START" | bc)"
grep "Search index rebuilt" "$OUT/national-reindex.log" | sed 's/^.*: /REINDEX /'
