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
dofile("bench/registry/report.lua")
