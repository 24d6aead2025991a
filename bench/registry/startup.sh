#!/usr/bin/env bash
# Start-up to serving on demo data (issue 2: under 20 s). Times `java -jar` until
# /actuator/health/readiness answers UP: first start on an empty data directory (loads the
# default demo registry and builds the index), then three restarts on the same data.
#   bench/registry/startup.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f app/target/labtrust.jar ] || ./mvnw -q -B -DskipTests package
DATA=$(mktemp -d /tmp/labtrust-startup-XXXX)
PORT=18181
run() {
  local start app
  start=$(date +%s.%N)
  java -jar app/target/labtrust.jar --labtrust.data-dir="$DATA" --server.port=$PORT > "$DATA/run.log" 2>&1 &
  app=$!
  until curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.05; done
  echo "RESULT $1 seconds=$(echo "$(date +%s.%N) - $start" | bc)"
  kill $app; wait $app || true
}
run first-start-with-demo-load
for i in 1 2 3; do run restart-$i; done
rm -rf "$DATA"
