#!/usr/bin/env bash
# Report registry at scale (docs/benchmarks.md, "Report registry"). Prints RESULT lines and keeps
# them in $OUT/reports-results.txt.
#
#   bench/reports/run.sh            (environment below; ~1 hour with the 100M pre-load)
#
# Steps (STEPS, default all, in this order):
#   preload  bench/reports/Preload.java: the log filled to PRELOAD entries (default 100,000,000) by
#            binary COPY of rows and tiles made with the app's LogEntry/TreeHash/TileEdge, with
#            the app running (its log writer reloads the edge, its publisher signs the head).
#            Resumes from the committed head; does nothing when the log is already that big.
#   filing   per round: baseline (FilingLoad copy: the same filings COPYed into report_filing in
#            one transaction, rolled back, then VACUUM), then the platform (FilingLoad http:
#            POST /api/v1/reports/filings, BATCH filings a request, CONCURRENCY in flight, WARMUP s
#            then DURATION s measured, checkpoint delay polled every 50 ms).
#   verify   per round: baseline (pgbench -M prepared, the plain indexed point select of a random
#            pre-loaded number, CONNECTIONS clients) then the platform (wrk, GET
#            /api/v1/reports/verify?number=<random pre-loaded number>, CONNECTIONS connections),
#            each after VERIFY_WARMUP s of the same load, VERIFY_DURATION s measured.
#   size     bytes per entry: report_filing partitions (heap + TOAST + indexes) and log_tile.
#   explain  EXPLAIN (ANALYZE, BUFFERS) of the lookups the platform runs.
# CPU (cores used by the platform's JVM, its PostgreSQL and the load generator) is sampled over the
# middle of every measured window.
#
# The platform is started here (PORT, PGPORT; refused when the port already serves) with the
# anonymous rate limit lifted for localhost (--labtrust.identity.rate-limit.exempt): otherwise
# wrk would get 429 after 600 requests a minute. KEEP=1 leaves it running; REUSE=1 uses a
# platform already serving on PORT (started with the same arguments) instead.
# Needs: wrk, pgbench (postgresql-client), python3, curl, psql.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-/work/bench-data/reports}
PORT=${PORT:-8090}
PGPORT=${PGPORT:-5490}
PRELOAD=${PRELOAD:-100000000}
SEED=${SEED:-20261127}
CHUNK=${CHUNK:-2000000}
ROUNDS=${ROUNDS:-1}
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-90}
CONCURRENCY=${CONCURRENCY:-3}
BODIES=${BODIES:-8}
BATCH=${BATCH:-10000}
BATCHES=${BATCHES:-400}              # pre-built request bodies (each used once)
COPY_BATCHES=${COPY_BATCHES:-300}    # baseline: rows = COPY_BATCHES x BATCH
VERIFY_WARMUP=${VERIFY_WARMUP:-30}
VERIFY_DURATION=${VERIFY_DURATION:-60}
CONNECTIONS=${CONNECTIONS:-16}
VERIFY_SET=${VERIFY_SET:-}           # draw verified numbers from the first VERIFY_SET entries only (default: all pre-loaded)
STEPS=${STEPS:-"preload filing verify size explain"}
HEAP=${HEAP:-4g}
JAVA_OPTS=${JAVA_OPTS:-}                # extra JVM options for the platform
SHARED_BUFFERS=${SHARED_BUFFERS:-2GB}
OUT=$DATA/bench-out
mkdir -p "$OUT"
RESULTS=$OUT/reports-results.txt
export PGPASSWORD=postgres
PSQL="psql -X -q -h localhost -p $PGPORT -U postgres -d postgres"
JDBC="jdbc:postgresql://localhost:$PGPORT/postgres"

[ -f app/target/labtrust.jar ] || ./mvnw -q -B -o -DskipTests package
PGJDBC=$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/42.7.*/postgresql-42.7.*.jar | grep -v sources | sort -V | tail -1)
CLASSES=$OUT/classes
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
javac -nowarn -d "$CLASSES" -cp "app/target/classes:$PGJDBC" bench/reports/Preload.java bench/reports/FilingLoad.java
CP="$CLASSES:app/target/classes:$PGJDBC"

. bench/lib.sh

log() { echo "$*" | tee -a "$RESULTS"; }
result() { grep '^RESULT' | sed "s/^RESULT /RESULT $1 /" | tee -a "$RESULTS"; }

APP=
if [ "${REUSE:-0}" = 1 ]; then
  APP=$(pgrep -f -- "--labtrust.data-dir=$DATA" | head -1)
  [ -n "$APP" ] || { echo "REUSE=1 but no platform with data dir $DATA" >&2; exit 1; }
  wait_up "$APP"
else
  port_free
  # shellcheck disable=SC2086 # JAVA_OPTS: extra JVM options, e.g. a flight recording
  java -Xmx$HEAP ${JAVA_OPTS:-} -jar app/target/labtrust.jar --labtrust.data-dir="$DATA" --server.port="$PORT" \
    --labtrust.embedded-db.port="$PGPORT" --labtrust.embedded-db.shared-buffers="$SHARED_BUFFERS" \
    --labtrust.identity.rate-limit.exempt=127.0.0.1,0:0:0:0:0:0:0:1 --logging.level.root=WARN \
    > "$OUT/platform.log" 2>&1 &
  APP=$!
  [ "${KEEP:-0}" = 1 ] || trap 'kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true' EXIT
  wait_up "$APP"
fi
PM=$(head -1 "$DATA/postgres/postmaster.pid")
for _ in $(seq 1 600); do [ -f "$DATA/demo-credentials.json" ] && break; sleep 0.5; done

log "# $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- app || echo ' (app modified)') nproc=$(nproc) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
log "# PRELOAD=$PRELOAD SEED=$SEED WARMUP=$WARMUP DURATION=$DURATION CONCURRENCY=$CONCURRENCY BATCH=$BATCH BODIES=$BODIES VERIFY_WARMUP=$VERIFY_WARMUP VERIFY_DURATION=$VERIFY_DURATION CONNECTIONS=$CONNECTIONS ROUNDS=$ROUNDS"

# cpu_window LABEL SECONDS [label=pid ...]: samples CPU over the middle of a window starting now
cpu_window() {
  local label=$1 secs=$2; shift 2
  ( sleep $((secs / 6)); python3 bench/reports/cpu.py snap "$OUT/cpu-$label.json" "$APP" "$PM" "$@"
    sleep $((secs * 2 / 3)); python3 bench/reports/cpu.py diff "$OUT/cpu-$label.json" "$APP" "$PM" "$@" | result "$label" ) &
}

step() { [[ " $STEPS " == *" $1 "* ]]; }

if step preload; then
  java -Xmx1g -cp "$CP" Preload --count "$PRELOAD" --seed "$SEED" --chunk "$CHUNK" --jdbc "$JDBC" \
    --out "$OUT/preload.env" 2>&1 | tee "$OUT/preload.log" | result preload
  log "$(df -h "$DATA" | tail -1)"
fi

if step filing; then
  for round in $(seq 1 "$ROUNDS"); do
    java -Xmx2g -cp "$CP" FilingLoad copy --jdbc "$JDBC" --seed "$SEED" --batch "$BATCH" --bodies "$BODIES" \
      --batches "$COPY_BATCHES" | tee -a "$OUT/filing.log" | result "round$round"
    s=$(date +%s.%N)
    $PSQL -c "vacuum report_filing_p0"
    log "# vacuum after the rolled-back baseline: $(awk "BEGIN{print $(date +%s.%N) - $s}") s"
    HLOG=$OUT/filing-http-round$round.log
    : > "$HLOG"
    java -Xmx3g -cp "$CP" FilingLoad http --url "http://localhost:$PORT" --jdbc "$JDBC" --seed "$SEED" \
      --batch "$BATCH" --bodies "$BODIES" --batches "$BATCHES" --concurrency "$CONCURRENCY" \
      --warmup "$WARMUP" --duration "$DURATION" --credentials "$DATA/demo-credentials.json" > "$HLOG" 2>&1 &
    LOAD=$!
    # CPU over the measured window only: it starts WARMUP s after the bodies are built
    while ! grep -q '^pre-built' "$HLOG" && kill -0 "$LOAD" 2>/dev/null; do sleep 0.2; done
    sleep "$WARMUP"
    cpu_window "round$round-filing" "$DURATION" client="$LOAD"
    CPU=$!
    wait "$LOAD" || true
    wait "$CPU" # not a bare wait: the platform started here is a child too
    cat "$HLOG" >> "$OUT/filing.log"
    result "round$round" < "$HLOG"
  done
fi

if step verify; then
  [ -f "$OUT/preload.env" ] && . "$OUT/preload.env"
  export PRELOAD_COUNT=${VERIFY_SET:-${PRELOAD_COUNT:-$PRELOAD}} PRELOAD_SEED=${PRELOAD_SEED:-$SEED}
  for round in $(seq 1 "$ROUNDS"); do
    pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "$VERIFY_WARMUP" -D n="$PRELOAD_COUNT" -D seed="$PRELOAD_SEED" \
      -f bench/reports/lookup.pgbench -h localhost -p "$PGPORT" -U postgres postgres > /dev/null
    rm -f "$OUT"/pgbench_log.*
    (cd "$OUT" && pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "$VERIFY_DURATION" -D n="$PRELOAD_COUNT" \
      -D seed="$PRELOAD_SEED" -f "$OLDPWD/bench/reports/lookup.pgbench" -l --log-prefix=pgbench_log \
      -h localhost -p "$PGPORT" -U postgres postgres > pgbench.out) &
    B=$!
    sleep 1
    cpu_window "round$round-lookup-baseline" "$VERIFY_DURATION" pgbench="$(pgrep -P $B pgbench || echo $B)"
    CPU=$!
    wait "$B" || true
    wait "$CPU"
    python3 - "$OUT" "$CONNECTIONS" "$PRELOAD_COUNT" <<'PY' | result "round$round"
import glob, sys
lat, first, last = [], None, None
for f in glob.glob(sys.argv[1] + "/pgbench_log.*"):
    for line in open(f):
        p = line.split()  # client tx latency_us script_no epoch_s epoch_us
        lat.append(int(p[2]) / 1000.0)
        t = int(p[4]) + int(p[5]) / 1e6
        first = t if first is None or t < first else first
        last = t if last is None or t > last else last
lat.sort()
pct = lambda q: lat[min(len(lat) - 1, int(len(lat) * q / 100.0))]
print("RESULT lookup-baseline-pgbench set=%s c=%s requests=%d rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f"
      % (sys.argv[3], sys.argv[2], len(lat), len(lat) / (last - first), pct(50), pct(95), pct(99)))
PY
    wrk -t2 -c"$CONNECTIONS" -d"${VERIFY_WARMUP}s" -s bench/reports/verify.lua "http://localhost:$PORT" > /dev/null
    wrk -t2 -c"$CONNECTIONS" -d"${VERIFY_DURATION}s" --latency -s bench/reports/verify.lua "http://localhost:$PORT" \
      > "$OUT/wrk-verify.out" &
    W=$!
    cpu_window "round$round-verify" "$VERIFY_DURATION" wrk="$W"
    CPU=$!
    wait "$W" || true
    wait "$CPU"
    grep '^RESULT' "$OUT/wrk-verify.out" | sed "s/^RESULT /RESULT verify-http set=$PRELOAD_COUNT c=$CONNECTIONS /" | result "round$round"
  done
fi

if step size; then
  $PSQL -At -F ' ' <<'SQL' | result size
select 'RESULT bytes-per-entry entries=' || h.size
  || ' heap=' || sum(pg_relation_size(c.oid))
  || ' toast=' || sum(coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0))
  || ' indexes=' || sum(pg_indexes_size(c.oid))
  || ' report_filing_total=' || sum(pg_total_relation_size(c.oid))
  || ' log_tile_total=' || pg_total_relation_size('log_tile')
  || ' per_entry_report_filing=' || round(sum(pg_total_relation_size(c.oid))::numeric / h.size, 1)
  || ' per_entry_log_tile=' || round(pg_total_relation_size('log_tile')::numeric / h.size, 1)
  || ' per_entry_total=' || round((sum(pg_total_relation_size(c.oid)) + pg_total_relation_size('log_tile'))::numeric / h.size, 1)
from pg_inherits i join pg_class c on c.oid = i.inhrelid, log_head h
where i.inhparent = 'report_filing'::regclass group by h.size;
select 'RESULT index ' || c.relname || ' bytes=' || pg_relation_size(c.oid)
from pg_index x join pg_class c on c.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
where t.relname = 'report_filing_p0' or t.relname = 'log_tile' order by 1;
select 'RESULT entry-bytes avg_entry=' || round(avg(length(entry)), 1) || ' avg_number=' || round(avg(length(report_number)), 1)
from (select * from report_filing_p0 tablesample system (0.01)) s;
SQL
fi

if step explain; then
  . "$OUT/preload.env" 2>/dev/null || true
  N=${PRELOAD_COUNT:-$PRELOAD}
  number=$(python3 -c "
i=$N//3; s=${PRELOAD_SEED:-$SEED}; l=((i+s)*7919)%676
print(chr(65+l//26)+chr(65+l%26)+'-%04d-%010d'%(2016+(i//7)%10, i))")
  {
    echo "-- verify lookup (ReportVerification), number $number"
    $PSQL -c "explain (analyze, buffers) select f.entry_index, f.body_id, f.entry, s.entry_index, s.entry
      from report_filing f left join report_filing s on s.refers_to = f.entry_index
      where f.report_number = '$number' and f.kind = 1 order by f.entry_index"
    echo "-- LogWriter.storedFilings for 20,000 new numbers (one round)"
    $PSQL -c "explain (analyze, buffers) select f.report_number, f.body_id, f.entry_index, f.entry
      from unnest((select array_agg(chr(65 + (g * 7919 % 676) / 26) || chr(65 + g * 7919 % 26) || '-2026-' || lpad((3000000000 + g)::text, 10, '0')) from generate_series(1, 20000) g),
                  (select array_agg(12::bigint) from generate_series(1, 20000) g)) as k(report_number, body_id)
      join report_filing f on f.report_number = k.report_number and f.body_id = k.body_id and f.kind = 1"
  } 2>&1 | tee "$OUT/explain.txt"
fi
