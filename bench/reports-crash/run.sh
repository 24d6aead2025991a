#!/usr/bin/env bash
# Crash test of the report log: files without pause while the platform is killed like a power cut
# KILLS times, then proves that nothing answered was lost or changed (bench/reports-crash/RESULTS.md).
#
#   bench/reports-crash/run.sh [data-dir]      (default /tmp/labtrust-crash; WIPED at the start)
#
# Expects the jars (./mvnw -q -o -DskipTests package): app/target/labtrust.jar and
# verifier/target/labtrust-verifier-*.jar. Needs python3, curl, pgrep.
#
# 1. starts the platform on a fresh data dir (embedded PostgreSQL, fsync on, demo registry SMALL);
# 2. starts CrashFiler: WORKERS threads file batches of 200-2,000 reports for BODIES demo bodies,
#    some revocations and replacements, some deliberate resends, and retry a failed request until
#    it is answered; every answer goes to a journal;
# 3. KILLS times: waits a random 3-10 s (MIN_WAIT..MAX_WAIT), then SIGKILLs the JVM and, in the
#    same kill, the postmaster of <data-dir>/postgres and all its children (postmaster.pid), as a
#    power cut would stop them; restarts the platform (PostgreSQL crash recovery) and waits until
#    it is ready;
# 4. stops the filer (it first gets an answer for its request in flight), runs CrashCheck.
# Exit status: 0 when every property holds.
set -euo pipefail
DATA=$(realpath -m "${1:-/tmp/labtrust-crash}")
cd "$(dirname "$0")/../.."
PORT=${PORT:-8091}
PGPORT=${PGPORT:-5491}
KILLS=${KILLS:-10}
WORKERS=${WORKERS:-2}
BODIES=${BODIES:-12}
MIN_WAIT=${MIN_WAIT:-3}
MAX_WAIT=${MAX_WAIT:-10}
JAR=$(pwd)/app/target/labtrust.jar
VERIFIER=$(ls "$(pwd)"/verifier/target/labtrust-verifier-*.jar | grep -v -e sources -e javadoc | head -1)
[ -f "$JAR" ] && [ -f "$VERIFIER" ] || { echo "build first: ./mvnw -q -o -DskipTests package" >&2; exit 2; }

. bench/lib.sh
RESUME=${RESUME:-0}   # 1: go on with the run in <data-dir> (after a start that failed): no wipe, journal appended
if [ "$RESUME" != 1 ]; then
port_free
if [ -f "$DATA/postgres/postmaster.pid" ] && kill -0 "$(head -1 "$DATA/postgres/postmaster.pid")" 2>/dev/null; then
  echo "a PostgreSQL still runs on $DATA/postgres; stop it first" >&2; exit 1
fi
rm -rf "$DATA"
fi
RUN=$DATA/crash-run   # journal, logs; on the data dir so that every process names it
mkdir -p "$RUN/lib"
unzip -q -o -j "$JAR" 'BOOT-INF/lib/postgresql-*.jar' -d "$RUN/lib"
PGJAR=$(ls "$RUN"/lib/postgresql-*.jar | head -1)

APP=
FILER=
cleanup() {
  [ -n "$FILER" ] && kill "$FILER" 2>/dev/null || true
  if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null && [ "${KEEP_UP:-0}" != 1 ]; then
    kill "$APP"; wait "$APP" 2>/dev/null || true
  fi
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

launch_app() {
  java -Xmx2g -jar "$JAR" --labtrust.data-dir="$DATA" --server.port="$PORT" --labtrust.embedded-db.port="$PGPORT" \
    --labtrust.demo.scale=SMALL --labtrust.identity.rate-limit.exempt=127.0.0.1,0:0:0:0:0:0:0:1 \
    >> "$RUN/app.log" 2>&1 &
  APP=$!
}

# Starts the platform; when it exits before serving (the embedded PostgreSQL did not finish crash
# recovery within zonky's 10 s start-up wait, see RESULTS.md), records it, kills the postmaster it
# leaves behind (one more crash, during recovery) and starts again, up to 3 times.
start_app() {
  local try pg
  for try in 1 2 3; do
    launch_app
    if wait_up "$APP"; then return 0; fi
    wait "$APP" 2>/dev/null || true
    echo "  START FAILED (try $try): $(grep -o 'Gave up waiting for server to start after [0-9]*ms\|Could not start the embedded PostgreSQL' "$RUN/app.log" | tail -1)" \
      | tee -a "$RUN/events.txt"
    pg=$(postgres_pids)
    if [ -n "$pg" ]; then kill -9 $pg 2>/dev/null || true; for pid in $pg; do while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done; done; fi
  done
  return 1
}

# The postmaster of $DATA/postgres (checked against its command line) and its children.
postgres_pids() {
  local pid_file=$DATA/postgres/postmaster.pid pm
  [ -f "$pid_file" ] || return 0
  pm=$(head -1 "$pid_file")
  if [ -r "/proc/$pm/cmdline" ] && tr '\0' ' ' < "/proc/$pm/cmdline" | grep -q -- "-D $DATA/postgres "; then
    echo "$pm" $(pgrep -P "$pm" || true)
  fi
}

crash() {
  local pg
  pg=$(postgres_pids)
  [ -n "$pg" ] || { echo "no postmaster found for $DATA/postgres" >&2; exit 1; }
  kill -9 $pg "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  for pid in $pg; do
    while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  done
  echo "KILL $1: SIGKILL java $APP and postgres $pg" | tee -a "$RUN/events.txt"
}

if [ "$RESUME" = 1 ]; then
  echo "resuming the run in $DATA: crashing what is left of it, then restarting" | tee -a "$RUN/events.txt"
  pg=$(postgres_pids)
  [ -n "$pg" ] && { kill -9 $pg 2>/dev/null || true; echo "KILL (resume): SIGKILL left-over postgres $pg" | tee -a "$RUN/events.txt"; }
  sleep 1
fi
echo "start on $DATA (demo registry SMALL) ..."
t0=$(now_ms)
start_app
echo "up after $(( ($(now_ms) - t0) / 1000 )) s"

if [ "$RESUME" != 1 ]; then
# the demo bodies: each with a VALID certificate, valid on every day of the test, and a VALID scope row
PGPASSWORD=postgres psql -h localhost -p "$PGPORT" -U postgres -At -F $'\t' -c "
select distinct on (c.body_id) c.body_id, c.number, s.parameter_name, s.method_code
from certificate c join scope_row s on s.certificate_id = c.id
where c.status = 'VALID' and s.status = 'VALID' and c.issued_on < current_date - 2 and c.valid_until > current_date + 2
  and not exists (select 1 from certificate_status_change h where h.certificate_id = c.id and h.to_status <> 'VALID')
order by c.body_id, c.id, s.line_no" > "$RUN/scope.tsv"
python3 - "$DATA/demo-credentials.json" "$RUN/scope.tsv" "$BODIES" > "$RUN/bodies.tsv" <<'PY'
import json, sys
keys = {b["bodyId"]: b["key"] for b in json.load(open(sys.argv[1]))["bodyKeys"]}
n = 0
for line in open(sys.argv[2]):
    body, cert, parameter, method = line.rstrip("\n").split("\t")
    if int(body) in keys and n < int(sys.argv[3]):
        print("\t".join([body, keys[int(body)], cert, parameter, method])); n += 1
PY
fi
echo "$(wc -l < "$RUN/bodies.tsv") bodies"

java -Xmx1g bench/reports-crash/CrashFiler.java "http://localhost:$PORT" "$RUN/bodies.tsv" "$RUN/journal.txt" \
  "$RUN/stop" "$WORKERS" > "$RUN/filer.txt" 2>&1 &
FILER=$!

[ "$RESUME" = 1 ] || : > "$RUN/events.txt"
restart_ms=()
for k in $(seq 1 "$KILLS"); do
  wait_s=$(python3 -c "import random; print('%.2f' % random.uniform($MIN_WAIT, $MAX_WAIT))")
  sleep "$wait_s"
  kill -0 "$FILER" 2>/dev/null || { echo "the filer died:"; cat "$RUN/filer.txt"; exit 1; }
  size=$(PGPASSWORD=postgres psql -h localhost -p "$PGPORT" -U postgres -At -c "select size from log_head" 2>/dev/null || echo "?")
  crash "$k after ${wait_s}s (log_head.size $size just before)"
  t0=$(now_ms)
  start_app
  ms=$(( $(now_ms) - t0 ))
  restart_ms+=("$ms")
  echo "  restarted, ready after $ms ms" | tee -a "$RUN/events.txt"
done

sleep 5   # filing on the last start too
touch "$RUN/stop"
wait "$FILER" || true
FILER=
cat "$RUN/filer.txt"

set +e
java -Xmx4g -cp "$VERIFIER:$PGJAR" bench/reports-crash/CrashCheck.java "http://localhost:$PORT" \
  "jdbc:postgresql://localhost:$PGPORT/postgres" "$RUN/journal.txt" | tee "$RUN/check.txt"
status=${PIPESTATUS[0]}
set -e

filer=$(grep '^FILER batches' "$RUN/filer.txt" || true)
get() { echo "$filer" | grep -o "$1=[0-9]*" | cut -d= -f2; }
entries=$(grep -o 'entries=[0-9]*' "$RUN/check.txt" | head -1 | cut -d= -f2)
checkpoints=$(grep -o 'checkpoints=[0-9]*' "$RUN/check.txt" | head -1 | cut -d= -f2)
sorted=$(printf '%s\n' "${restart_ms[@]}" | sort -n)
echo
echo "SUMMARY kills=$KILLS batches=$(get batches) filings_answered=$(get items_answered) retries=$(get retries)" \
  "retried_batches=$(get retried_batches) duplicates_answered=$(get duplicates)" \
  "(after_crash_retry=$(get duplicates_after_retry), resent_batches=$(get resends)) rejected=$(get rejected)" \
  "entries=$entries checkpoints_checked=$checkpoints" \
  "restart_ms_min=$(echo "$sorted" | head -1) restart_ms_max=$(echo "$sorted" | tail -1)" \
  "result=$([ "$status" = 0 ] && echo PASS || echo FAIL)" | tee "$RUN/summary.txt"
exit "$status"
