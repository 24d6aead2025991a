-- GET a signed-in page or API (bench/licensing/run.sh): PATH_Q (default /staff/applications) with
-- the session cookie in COOKIE; one RESULT line with throughput and latency percentiles.
wrk.method = "GET"
wrk.path = os.getenv("PATH_Q") or "/staff/applications"
wrk.headers["Cookie"] = os.getenv("COOKIE")
wrk.headers["Accept"] = os.getenv("ACCEPT") or "text/html"
wrk.headers["Accept-Encoding"] = "gzip"

local bad = 0
response = function(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if bad <= 3 then io.stderr:write("status " .. status .. "\n") end
  end
end

dofile("bench/registry/report.lua")
