# Shared by the bench scripts (source it after setting PORT).

# Refuses to go on when something already answers on $PORT: a platform left over from an earlier
# run would be measured instead of the one about to start.
port_free() {
  if curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then
    echo "something already serves port $PORT; stop it first" >&2; exit 1
  fi
}

# Waits until the platform on $PORT is ready; with a process id, fails as soon as that process dies.
wait_up() {
  for _ in $(seq 1 3000); do
    curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1 && return 0
    if [ -n "${1:-}" ] && ! kill -0 "$1" 2>/dev/null; then
      echo "platform exited before serving" >&2; return 1
    fi
    sleep 0.1
  done
  echo "platform did not come up" >&2; return 1
}
