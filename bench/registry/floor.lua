-- wrk script: GET /actuator/health/liveness, the cheapest answer the server gives: the floor
-- that Tomcat, Spring MVC and the metrics filter put under every request on this machine.
request = function()
  return wrk.format("GET", "/actuator/health/liveness")
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
