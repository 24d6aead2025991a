#!/usr/bin/env bash
# Cost of authorization plus audit (issue 3). Prints RESULT lines; docs/benchmarks.md records them.
#
#   bench/identity/run.sh [data-dir]      (default /tmp/labtrust-identity-bench)
#
# The endpoint: POST /api/v1/registry/cross-check of ITEMS certificates (default 1, so that the
# endpoint's own work is small next to what is measured) with a partner's API key. On the platform as built, each request looks the key up in PostgreSQL,
# checks its expiry and revocation, takes a token from the key's rate-limit bucket, passes the
# URL rules and the service's permission check, and appends a hash-chained audit row (a lock on
# the chain head, an insert, an update) in its own transaction.
# The baseline: the same jar started through OpenAccessApplication (compiled here from
# bench/identity), where a filter chain ahead of the real one lets every request through as a
# fixed actor and the audit trail records nothing. Same data, same request, same wrk settings;
# the two are run alternately, ROUNDS times each (A B A B ...), on the default demo registry
# (3,000 bodies); the last line gives each variant's median over the rounds and the difference.
# Needs: wrk (apt-get install wrk), python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${1:-/tmp/labtrust-identity-bench}
PORT=18081
PGPORT=15433
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-4}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-60}   # seconds of load before measuring: the JIT compiles for most of a minute
ITEMS=${ITEMS:-1}
OUT=bench/results
mkdir -p "$OUT"

[ -f app/target/labtrust.jar ] || ./mvnw -q -B -DskipTests package
JAR=$(pwd)/app/target/labtrust.jar
COMMON="--labtrust.data-dir=$DATA --labtrust.embedded-db.port=$PGPORT --server.port=$PORT
  --labtrust.identity.rate-limit.api-key-per-minute=1000000000 --logging.level.root=WARN"

# compile the baseline overlay against the jar's own classes and libraries
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && unzip -q "$JAR" 'BOOT-INF/*')
mkdir -p "$WORK/overlay"
javac -nowarn -d "$WORK/overlay" -cp "$WORK/BOOT-INF/classes:$WORK/BOOT-INF/lib/*" bench/identity/OpenAccessApplication.java

. bench/lib.sh

start() { # secured | open
  port_free
  if [ "$1" = secured ]; then
    java -Xmx2g -jar "$JAR" $COMMON > "$OUT/identity-$1.log" 2>&1 &
  else
    java -Xmx2g -cp "$JAR" -Dloader.path="$WORK/overlay" -Dloader.main=org.labtrust.bench.OpenAccessApplication \
      org.springframework.boot.loader.launch.PropertiesLauncher $COMMON > "$OUT/identity-$1.log" 2>&1 &
  fi
  APP=$!
  wait_up "$APP"
}

stop() { kill "$APP"; wait "$APP" 2>/dev/null || true; }

# first start: demo registry, demo accounts and keys
start secured
KEY=$(python3 -c "import json,sys; print(json.load(open('$DATA/demo-credentials.json'))['partnerKeys'][0]['key'])")
export KEY
curl -sf "http://localhost:$PORT/api/v1/exports/registry.jsonl" | python3 -c "
import json, sys
certs, codes = [], []
for line in sys.stdin:
    row = json.loads(line)
    if len(certs) < $ITEMS:
        certs.append(row['number'])
    if len(certs) >= $ITEMS:
        break
json.dump({'certificates': certs}, open('$OUT/identity-body.json', 'w'))
" || true
stop
export BODY_FILE=$OUT/identity-body.json
head -c 300 "$BODY_FILE"; echo

measure() { # label
  wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/identity/crosscheck.lua "http://localhost:$PORT/api/v1/registry/cross-check" > /dev/null
  local line
  line=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/identity/crosscheck.lua \
    "http://localhost:$PORT/api/v1/registry/cross-check" | grep '^RESULT' | sed 's/^RESULT //')
  echo "RESULT $1 c=$CONNECTIONS $line" | tee -a "$OUT/identity-rounds.txt"
}

: > "$OUT/identity-rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  start secured; measure "secured[round $round]"; stop
  start open; measure "open[round $round]"; stop
done

# medians over the rounds, and secured minus open
python3 - "$OUT/identity-rounds.txt" <<'PY'
import re, statistics, sys
rows = {"secured": [], "open": []}
for line in open(sys.argv[1]):
    m = re.match(r"RESULT (\w+)\[", line)
    if m:
        rows[m.group(1)].append({k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)})
med = {v: {k: statistics.median(r[k] for r in rs) for k in ("rps", "p50_ms", "p95_ms", "p99_ms")} for v, rs in rows.items()}
for v in ("secured", "open"):
    print("RESULT median[%s] rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f" % (v, med[v]["rps"], med[v]["p50_ms"], med[v]["p95_ms"], med[v]["p99_ms"]))
print("RESULT added-by-authorization-and-audit p50_ms=%.2f p95_ms=%.2f" % (
    med["secured"]["p50_ms"] - med["open"]["p50_ms"], med["secured"]["p95_ms"] - med["open"]["p95_ms"]))
PY
