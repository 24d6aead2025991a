#!/usr/bin/env bash
# Licensing work queue (issue 5; docs/benchmarks.md, "Licensing work queue (issue 5)"). Prints RESULT
# lines and keeps them in $DATA/bench-out/licensing-results.txt.
#
#   bench/licensing/run.sh            (environment below; a few minutes after the first start)
#
# Starts the platform (app/target/labtrust.jar) on its embedded PostgreSQL in DATA with the demo
# registry (3,000 bodies) and the demo accounts, seeds COUNT open applications for Guangdong
# (authority 19) and OTHERS in the other provinces by SQL (bench/licensing/seed.sql: states of the
# procedures, clocks in and past their limits, a few due dates unknown, some waiting for the
# applicant), signs in as gd-acceptance-officer through the form, and measures with wrk, after
# WARMUP s of the same load, DURATION s each at concurrency 1 and 8 (CONCURRENCY):
#   page      GET /staff/applications: the work queue's first page (100 rows and the counts), HTML
#   api       GET /api/v1/applications?limit=100: the JSON queue of the same officer (the service's query)
#   baseline  pgbench -M prepared: the page's two queries as plain SQL (bench/licensing/queue.pgbench)
# then EXPLAIN (ANALYZE, BUFFERS) of the page's queries.
# The anonymous and per-person rate limits are lifted for localhost (--labtrust.identity.rate-limit.exempt).
# KEEP=1 leaves the platform running; REUSE=1 uses one already serving on PORT with this DATA.
# Needs: wrk, pgbench and psql (postgresql-client), curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-/work/bench-data/licensing}
PORT=${PORT:-8094}
PGPORT=${PGPORT:-5494}
COUNT=${COUNT:-5000}
OTHERS=${OTHERS:-3000}
WARMUP=${WARMUP:-20}
DURATION=${DURATION:-30}
CONCURRENCY=${CONCURRENCY:-"1 8"}
HEAP=${HEAP:-1g}
JAVA_OPTS=${JAVA_OPTS:-}
OUT=$DATA/bench-out
mkdir -p "$OUT"
RESULTS=$OUT/licensing-results.txt
export PGPASSWORD=postgres
PSQL="psql -X -q -h localhost -p $PGPORT -U postgres -d postgres"

[ -f app/target/labtrust.jar ] || ./mvnw -q -B -o -DskipTests package
. bench/lib.sh

log() { echo "$*" | tee -a "$RESULTS"; }
result() { grep '^RESULT' | sed "s/^RESULT /RESULT $1 /" | tee -a "$RESULTS"; }

if [ "${REUSE:-0}" = 1 ]; then
  curl -sf "http://localhost:$PORT/actuator/health/readiness" > /dev/null || { echo "REUSE=1 but nothing serves $PORT" >&2; exit 1; }
else
  port_free
  # shellcheck disable=SC2086 # JAVA_OPTS: extra JVM options
  java -Xmx$HEAP ${JAVA_OPTS:-} -jar app/target/labtrust.jar --labtrust.data-dir="$DATA" --server.port="$PORT" \
    --labtrust.embedded-db.port="$PGPORT" --labtrust.identity.rate-limit.exempt=127.0.0.1,0:0:0:0:0:0:0:1 \
    --logging.level.root=WARN > "$OUT/platform.log" 2>&1 &
  APP=$!
  [ "${KEEP:-0}" = 1 ] || trap 'kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true' EXIT
  wait_up "$APP"
fi
for _ in $(seq 1 600); do [ -f "$DATA/demo-credentials.json" ] && break; sleep 0.5; done

log "# $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- app || echo ' (app modified)') nproc=$(nproc) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
log "# COUNT=$COUNT OTHERS=$OTHERS WARMUP=$WARMUP DURATION=$DURATION CONCURRENCY=$CONCURRENCY"

# seed once: a data dir that has the applications keeps them (remove DATA to start again)
if [ "$($PSQL -tA -c "select count(*) from application where authority_code = '19'")" -lt "$COUNT" ]; then
  $PSQL -v count="$COUNT" -v others="$OTHERS" -f bench/licensing/seed.sql | tee -a "$RESULTS"
fi

# sign in as the Guangdong acceptance officer through the form: the session cookie for wrk
PASSWORD=$(python3 -c "import json; print(next(a['password'] for a in json.load(open('$DATA/demo-credentials.json'))['accounts'] if a['username'] == 'gd-acceptance-officer'))")
JAR=$(mktemp)
trap 'rm -f "$JAR"; [ -n "${APP:-}" ] && [ "${KEEP:-0}" != 1 ] && { kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true; }' EXIT
TOKEN=$(curl -s -c "$JAR" "http://localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$JAR" -c "$JAR" -o /dev/null -w '%{http_code} %{redirect_url}\n' \
  --data-urlencode "username=gd-acceptance-officer" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$TOKEN" \
  "http://localhost:$PORT/login" | grep -q '302 .*/staff$' || { echo "sign-in failed" >&2; exit 1; }
export COOKIE="LABTRUST_SESSION=$(awk '$6 == "LABTRUST_SESSION" {print $7}' "$JAR")"
ROWS=$(curl -s -H "Cookie: $COOKIE" "http://localhost:$PORT/staff/applications" | grep -c 'queue-row' || true)
log "# first page: $ROWS rows, $(curl -s -H "Cookie: $COOKIE" -o /dev/null -w '%{size_download} bytes' "http://localhost:$PORT/staff/applications")"
[ "$ROWS" -ge 100 ] || { echo "the queue page shows $ROWS rows, expected 100" >&2; exit 1; }

wrk_run() { # label path accept connections
  local label=$1 path=$2 accept=$3 c=$4 threads=$(( $4 < 2 ? 1 : 2 ))
  PATH_Q=$path ACCEPT=$accept wrk -t$threads -c"$c" -d"${WARMUP}s" -s bench/licensing/queue.lua "http://localhost:$PORT" > /dev/null
  PATH_Q=$path ACCEPT=$accept wrk -t$threads -c"$c" -d"${DURATION}s" --timeout 10s -s bench/licensing/queue.lua \
    "http://localhost:$PORT" | result "$label-c$c"
}

for c in $CONCURRENCY; do
  wrk_run page /staff/applications text/html "$c"
  wrk_run api "/api/v1/applications?limit=100" application/json "$c"
  pgbench -n -M prepared -c "$c" -j 1 -T "$WARMUP" -f bench/licensing/queue.pgbench -h localhost -p "$PGPORT" -U postgres postgres > /dev/null
  rm -f "$OUT"/pgbench_log.*
  (cd "$OUT" && pgbench -n -M prepared -c "$c" -j 1 -T "$DURATION" -f "$OLDPWD/bench/licensing/queue.pgbench" -l \
     --log-prefix=pgbench_log -h localhost -p "$PGPORT" -U postgres postgres > pgbench.out)
  # latency percentiles from the per-transaction log (microseconds in column 3)
  cat "$OUT"/pgbench_log.* | awk '{print $3}' | sort -n | awk -v label="baseline-c$c" -v d="$DURATION" '
    { v[NR] = $1 } END { printf "RESULT %s transactions=%d tps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n", label, NR, NR / d,
      v[int(NR * 0.50) + 1] / 1000, v[int(NR * 0.95) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000 }' | tee -a "$RESULTS"
done

log "# EXPLAIN (ANALYZE, BUFFERS) of the page's queries"
$PSQL -c "explain (analyze, buffers) select a.id, a.body_id, b.name, a.type, a.procedure, a.state, a.step, a.due_on, a.due_unknown
  from application a left join body b on b.id = a.body_id
  where a.authority_code = '19' and (a.due_on is not null or a.due_unknown)
  order by a.due_unknown desc, (a.type = 'EMERGENCY_EXTENSION') desc, a.due_on, a.id limit 100 offset 0" | tee -a "$RESULTS"
$PSQL -c "explain (analyze, buffers) select count(*), count(*) filter (where a.due_on < current_date),
  count(*) filter (where a.due_on >= current_date and a.due_on <= current_date + 7), count(*) filter (where a.due_unknown)
  from application a where a.authority_code = '19' and (a.due_on is not null or a.due_unknown)" | tee -a "$RESULTS"
