-- wrk script: GET /actuator/health/liveness, the cheapest answer the server gives: the floor
-- that Tomcat, Spring MVC and the metrics filter put under every request on this machine.
request = function()
  return wrk.format("GET", "/actuator/health/liveness")
end
dofile("bench/registry/report.lua")
