-- GET /api/v1/reports/verify?number=... for a random pre-loaded number (bench/reports/run.sh).
-- Numbers as Preload.java makes them: entry i in [0, PRELOAD_COUNT) has number
--   L1 L2 "-" YYYY "-" i (10 digits), l = ((i + seed) * 7919) mod 676, L1 = 'A' + l / 26,
--   L2 = 'A' + l mod 26, YYYY = 2016 + (i / 7) mod 10.
local count = tonumber(os.getenv("PRELOAD_COUNT") or "100000000")
local seed = tonumber(os.getenv("PRELOAD_SEED") or "20261127")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
end

function number(i)
  local l = ((i + seed) * 7919) % 676
  local year = 2016 + math.floor(i / 7) % 10
  return string.format("%c%c-%04d-%010d", 65 + math.floor(l / 26), 65 + l % 26, year, i)
end

request = function()
  local i = math.random(0, count - 1)
  return wrk.format("GET", "/api/v1/reports/verify?number=" .. number(i))
end

dofile("bench/registry/report.lua")
