-- wrk script: GET /api/v1/certificates/{number} over a list of real numbers (numbers.txt,
-- written by run.sh from the database), then print p50/p95/p99 in one parseable line.
local numbers = {}
for line in io.lines(os.getenv("NUMBERS") or "bench/results/numbers.txt") do
  if #line > 0 then table.insert(numbers, line) end
end
local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 101
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/certificates/" .. numbers[((i + offset) % #numbers) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
