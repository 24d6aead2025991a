-- wrk script: GET /api/v1/bodies with a rotating mix of Chinese searches (queries.txt),
-- then print p50/p95/p99 in one parseable line.
local queries = {}
local function urlencode(s)
  return (s:gsub("[^%w%-%._~=&]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
for line in io.lines(os.getenv("QUERIES") or "bench/registry/queries.txt") do
  if #line > 0 then table.insert(queries, "/api/v1/bodies?" .. urlencode(line)) end
end
local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 7
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[((i + offset) % #queries) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
