-- wrk script: GET /api/v1/bodies with the Chinese search mix of queries.txt (make_queries.py),
-- line r picked with probability proportional to 1/r (Zipf, s=1); prints p50/p95/p99 in one line.
local queries = {}
local function urlencode(s)
  return (s:gsub("[^%w%-%._~=&]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
for line in io.lines(os.getenv("QUERIES") or "bench/registry/queries.txt") do
  if #line > 0 then table.insert(queries, "/api/v1/bodies?" .. urlencode(line)) end
end
local cdf, total = {}, 0
for r = 1, #queries do
  total = total + 1 / r
  cdf[r] = total
end
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end
function init(args)
  math.randomseed(seed * 7919)
end
request = function()
  local u, lo, hi = math.random() * total, 1, #queries
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return wrk.format("GET", queries[lo])
end
dofile("bench/registry/report.lua")
