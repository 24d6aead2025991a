-- POST /api/v1/registry/cross-check with a partner key and a fixed body (run.sh writes body.json).
local f = assert(io.open(os.getenv("BODY_FILE") or "bench/results/identity-body.json"))
local body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("KEY")
dofile("bench/registry/report.lua")
